import type { Rule } from '../../diagnostics/index.js';

export const syntaxHandlebars: Rule = {
  meta: {
    id: 'syntax/handlebars',
    defaultSeverity: 'error',
    docs: 'Handlebars templates parse, with built-in helpers only',
  },
};
