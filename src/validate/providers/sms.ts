import { renderRules } from '../../render/rules/index.js';
import { checkSmsMessage } from '../../sms/check/index.js';
import { smsRules } from '../../sms/rules/index.js';
import type { Provider } from '../rule.js';

/** The SMS checks (src/sms/check): renders the SMS once per sample, then segments, encoding, recipient, phone attributes. */
export const smsProvider: Provider = {
  id: 'sms',
  rules: [...smsRules, ...renderRules],
  async check(message, context) {
    return checkSmsMessage(message, { engines: context.engines, config: context.config, isEnabled: context.isEnabled });
  },
};
