import type { Rule } from '../../diagnostics/index.js';

export const renderError: Rule = {
  meta: {
    id: 'render/error',
    defaultSeverity: 'error',
    docs: 'templates render every sample without a runtime error',
  },
};
