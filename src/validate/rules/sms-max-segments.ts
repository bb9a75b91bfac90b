import type { Rule } from '../rule.js';

export const smsMaxSegments: Rule = {
  meta: {
    id: 'sms/max-segments',
    defaultSeverity: 'error',
    docs: 'the SMS fits in sms.maxSegments segments for every sample',
  },
};
