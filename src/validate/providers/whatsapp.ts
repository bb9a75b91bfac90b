import { renderRules } from '../../render/rules/index.js';
import { checkWhatsappMessage } from '../../whatsapp/index.js';
import { whatsappRules } from '../../whatsapp/rules/index.js';
import type { Provider } from '../rule.js';

/** The WhatsApp checks (src/whatsapp/check): renders every part once per sample, then lengths, recipient, formatting. */
export const whatsappProvider: Provider = {
  id: 'whatsapp',
  rules: [...whatsappRules, ...renderRules],
  async check(message, context) {
    return checkWhatsappMessage(message, { engines: context.engines, config: context.config, isEnabled: context.isEnabled });
  },
};
