import { checkSmsMessage } from '../../sms/check/index.js';
import type { Provider } from '../rule.js';
import { attributesFormat } from '../rules/attributes-format.js';
import { renderError } from '../rules/render-error.js';
import { renderLimit } from '../rules/render-limit.js';
import { renderUndefinedAttribute } from '../rules/render-undefined-attribute.js';
import { sfmcSmsSubscription } from '../rules/sfmc-sms-subscription.js';
import { smsEmpty } from '../rules/sms-empty.js';
import { smsEncoding } from '../rules/sms-encoding.js';
import { smsMaxSegments } from '../rules/sms-max-segments.js';
import { smsPhone } from '../rules/sms-phone.js';

/** The SMS checks (src/sms/check): renders the SMS once per sample, then segments, encoding, recipient, phone attributes. */
export const smsProvider: Provider = {
  id: 'sms',
  rules: [smsMaxSegments, smsEncoding, smsPhone, smsEmpty, attributesFormat, sfmcSmsSubscription, renderUndefinedAttribute, renderError, renderLimit],
  async check(message, context) {
    return checkSmsMessage(message, { engines: context.engines, config: context.config });
  },
};
