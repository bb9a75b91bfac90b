import type { Rule } from '../../diagnostics/index.js';

export const renderUndefinedAttribute: Rule = {
  meta: {
    id: 'render/undefined-attribute',
    defaultSeverity: 'error',
    docs: 'an attribute a template prints unguarded is present in every sample',
  },
};
