import { emailRules } from '../../email/checks/index.js';
import type { EmailMessage } from '../../email/render-email.js';
import type { Provider, Rule } from '../rule.js';
import { emailTagSurvival } from '../rules/email-tag-survival.js';
import { renderError } from '../rules/render-error.js';
import { renderLimit } from '../rules/render-limit.js';
import { renderUndefinedAttribute } from '../rules/render-undefined-attribute.js';
import { syntaxMjml } from '../rules/syntax-mjml.js';
import { workspacePath } from '../rules/workspace-path.js';

/** The email checks keep their metadata beside their code (src/email/checks/*.ts): adapted, not copied. */
const checkRules: Rule[] = emailRules.map((rule) => ({ meta: { id: rule.id, defaultSeverity: rule.severity, docs: rule.docs } }));

/**
 * The email checks (src/email): compiles the body once (MJML through the shared cache),
 * personalizes it once per sample, then runs every email rule over the results.
 */
export const emailProvider: Provider = {
  id: 'email',
  rules: [syntaxMjml, emailTagSurvival, workspacePath, ...checkRules, renderUndefinedAttribute, renderError, renderLimit],
  async check(message, context) {
    if (!message.email) return [];
    // Loaded on first use: mjml takes a few hundred ms to import, which an SMS-only commit need not pay.
    const { checkCompiledEmail } = await import('../../email/check-email-message.js');
    return checkCompiledEmail(message as EmailMessage, await context.compiledEmail(message as EmailMessage), { engines: context.engines });
  },
};
