import { compatRules } from '../../email/rules/index.js';
import type { Provider } from '../rule.js';

/**
 * Email-client compatibility (caniemail data, `email.clients` in txkit.config.yaml) and the
 * offline image and link rules: one compile (from the MJML cache) and one scan of the HTML per
 * message, shared by all of them.
 */
export const compatProvider: Provider = {
  id: 'email-compat',
  rules: compatRules,
  async check(message, context) {
    if (!message.email) return [];
    // Loaded on first use, like the email checks: SMS-only runs never read the caniemail data.
    const { checkCompat } = await import('../../email/compat/check-compat.js');
    return checkCompat(message, context.config, context.isEnabled, context.compiledEmail);
  },
};
