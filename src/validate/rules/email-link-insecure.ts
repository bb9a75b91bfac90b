import type { Rule } from '../rule.js';

export const emailLinkInsecure: Rule = {
  meta: {
    id: 'email/link-insecure',
    defaultSeverity: 'warning',
    docs: 'links use https',
  },
};
