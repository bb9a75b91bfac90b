import type { Rule } from '../rule.js';

export const emailLinkMalformed: Rule = {
  meta: {
    id: 'email/link-malformed',
    defaultSeverity: 'error',
    docs: 'link URLs are well-formed',
  },
};
