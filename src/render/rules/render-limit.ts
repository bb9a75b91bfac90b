import type { Rule } from '../../diagnostics/index.js';

export const renderLimit: Rule = {
  meta: {
    id: 'render/limit',
    defaultSeverity: 'error',
    docs: 'templates and their output stay within the size and time limits',
  },
};
