import type { Rule } from '../rule.js';

export const smsPhone: Rule = {
  meta: {
    id: 'sms/phone',
    defaultSeverity: 'error',
    docs: 'sms.to renders to a valid E.164 phone number for every sample',
  },
};
