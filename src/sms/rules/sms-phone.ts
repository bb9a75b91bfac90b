import type { CheckRule } from '../../diagnostics/index.js';
import { recipientPhoneProblems } from '../recipient-phone.js';
import { sampleLabel, type SmsSampleFacts } from '../check/sms-check-context.js';

/**
 * The recipient (`sms.to`, as written or rendered with the sample) is a strict E.164 number
 * valid for its region; a national number gets its E.164 form as a hint.
 */
export const smsPhone: CheckRule<SmsSampleFacts> = {
  meta: {
    id: 'sms/phone',
    defaultSeverity: 'error',
    docs: 'sms.to renders to a valid E.164 phone number for every sample',
  },
  check({ context, sample, rendered: { to } }) {
    return recipientPhoneProblems({
      rule: smsPhone,
      message: context.message,
      template: context.sms.to,
      at: ['sms', 'to'],
      rendered: to,
      sample,
      label: sampleLabel,
      phone: context.phone,
    });
  },
};
