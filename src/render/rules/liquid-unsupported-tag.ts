import type { Rule } from '../../diagnostics/index.js';

export const liquidUnsupportedTag: Rule = {
  meta: {
    id: 'liquid/unsupported-tag',
    defaultSeverity: 'error',
    docs: 'Liquid templates use no tag that reads other files ({% include %}, {% render %}, {% layout %}): Customer.io has none; share content with snippets',
  },
};
