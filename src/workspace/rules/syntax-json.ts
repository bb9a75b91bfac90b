import type { Rule } from '../../diagnostics/index.js';

export const syntaxJson: Rule = {
  meta: {
    id: 'syntax/json',
    defaultSeverity: 'error',
    docs: 'sample files are valid UTF-8 JSON',
  },
};
