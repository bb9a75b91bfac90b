import type { Rule } from '../rule.js';

export const sfmcSmsSubscription: Rule = {
  meta: {
    id: 'sfmc/sms-subscription',
    defaultSeverity: 'error',
    docs: 'an SMS message that targets SFMC has an SMS send definition (targets.sfmc.sms) with a valid short or long code',
  },
};
