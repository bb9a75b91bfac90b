import type { Rule } from '../rule.js';

export const emailLinkEmpty: Rule = {
  meta: {
    id: 'email/link-empty',
    defaultSeverity: 'error',
    docs: 'links have a non-empty href',
  },
};
