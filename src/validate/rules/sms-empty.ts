import type { Rule } from '../rule.js';

export const smsEmpty: Rule = {
  meta: {
    id: 'sms/empty',
    defaultSeverity: 'error',
    docs: 'the SMS renders to non-empty text for every sample',
  },
};
