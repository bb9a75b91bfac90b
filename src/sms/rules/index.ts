import type { CheckRule } from '../../diagnostics/index.js';
import type { SmsMessageFacts, SmsSampleFacts } from '../check/sms-check-context.js';
import { attributesFormat } from './attributes-format.js';
import { sfmcSmsSubscription } from './sfmc-sms-subscription.js';
import { smsEmpty } from './sms-empty.js';
import { smsEncoding } from './sms-encoding.js';
import { smsMaxSegments } from './sms-max-segments.js';
import { smsPhone } from './sms-phone.js';

export { attributesFormat, sfmcSmsSubscription, smsEmpty, smsEncoding, smsMaxSegments, smsPhone };

/** The rules checked for each sample, in the order their diagnostics are listed. */
export const smsSampleRules: readonly CheckRule<SmsSampleFacts>[] = [smsEmpty, smsMaxSegments, smsEncoding, smsPhone];

/** The rules checked once per message, whatever its channels. */
export const smsMessageRules: readonly CheckRule<SmsMessageFacts>[] = [attributesFormat, sfmcSmsSubscription];

/** Every SMS rule, in `txkit rules` order. */
export const smsRules = [smsMaxSegments, smsEncoding, smsPhone, smsEmpty, attributesFormat, sfmcSmsSubscription] as const;
