import type { Rule } from '../rule.js';

export const syntaxLiquid: Rule = {
  meta: {
    id: 'syntax/liquid',
    defaultSeverity: 'error',
    docs: 'Liquid templates parse, with known filters only',
  },
};
