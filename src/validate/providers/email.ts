import { emailCheckRules, emailTagSurvival, syntaxMjml } from '../../email/rules/index.js';
import type { EmailMessage } from '../../email/render-email.js';
import { renderRules } from '../../render/rules/index.js';
import { workspacePath } from '../../workspace/rules/index.js';
import type { Provider } from '../rule.js';

/**
 * The email checks (src/email): compiles the body once (MJML through the shared cache),
 * personalizes it once per sample, then runs every email rule over the results.
 */
export const emailProvider: Provider = {
  id: 'email',
  rules: [syntaxMjml, emailTagSurvival, workspacePath, ...emailCheckRules, ...renderRules],
  async check(message, context) {
    if (!message.email) return [];
    // Loaded on first use: mjml takes a few hundred ms to import, which an SMS-only commit need not pay.
    const { checkCompiledEmail } = await import('../../email/check-email-message.js');
    return checkCompiledEmail(message as EmailMessage, await context.compiledEmail(message as EmailMessage), { engines: context.engines });
  },
};
