import type { Rule } from '../rule.js';

export const emailTagSurvival: Rule = {
  meta: {
    id: 'email/tag-survival',
    defaultSeverity: 'error',
    docs: 'personalization tags come out of MJML compilation intact',
  },
};
