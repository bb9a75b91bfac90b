import type { Rule } from '../rule.js';

export const renderLimit: Rule = {
  meta: {
    id: 'render/limit',
    defaultSeverity: 'error',
    docs: 'templates and their output stay within the size and time limits',
  },
};
