import type { Rule } from '../rule.js';

export const syntaxMjml: Rule = {
  meta: {
    id: 'syntax/mjml',
    defaultSeverity: 'error',
    docs: 'MJML email bodies compile without errors',
  },
};
