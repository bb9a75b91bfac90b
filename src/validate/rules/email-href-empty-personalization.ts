import type { Rule } from '../rule.js';

export const emailHrefEmptyPersonalization: Rule = {
  meta: {
    id: 'email/href-empty-personalization',
    defaultSeverity: 'error',
    docs: 'a link whose href is personalization renders to a URL for every sample',
  },
};
