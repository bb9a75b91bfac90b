import type { Rule } from '../rule.js';

export const smsEncoding: Rule = {
  meta: {
    id: 'sms/encoding',
    defaultSeverity: 'warning',
    docs: 'the SMS uses only GSM-7 characters (others force UCS-2: 70 characters a segment)',
  },
};
