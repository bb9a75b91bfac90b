import type { Rule } from '../../diagnostics/index.js';

export const syntaxMjml: Rule = {
  meta: {
    id: 'syntax/mjml',
    defaultSeverity: 'error',
    docs: 'MJML email bodies compile without errors',
  },
};
