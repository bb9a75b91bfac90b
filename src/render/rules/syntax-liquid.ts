import type { Rule } from '../../diagnostics/index.js';

export const syntaxLiquid: Rule = {
  meta: {
    id: 'syntax/liquid',
    defaultSeverity: 'error',
    docs: 'Liquid templates parse, with known filters only',
  },
};
