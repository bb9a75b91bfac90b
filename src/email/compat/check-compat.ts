import type { Diagnostic } from '../../diagnostics/index.js';
import type { CompiledEmail } from '../compile-email.js';
import { compileMessageEmail, hasEmail, type EmailMessage } from '../render-email.js';
import type { Message, ResolvedConfig } from '../../workspace/index.js';
import { parsedEmail } from '../checks/parsed-email.js';
import { caniemailData } from './caniemail-data.js';
import { resolveClientTargets } from './client-targets.js';
import type { CompatCheckInput } from './compat-input.js';
import { compatRules } from '../rules/index.js';
import { emailCompat } from '../rules/email-compat.js';
import { featureMatchers, type FeatureMatchers } from './feature-matchers.js';
import { featureUsages } from './feature-usages.js';
import { imageUsages } from './image-formats.js';
import { usageSource } from './usage-source.js';

let matchers: FeatureMatchers | undefined;

/** `email.clients` entries caniemail does not know, reported against txkit.config.yaml. */
function unknownClientDiagnostics(config: ResolvedConfig, unknown: readonly string[]): Diagnostic[] {
  return unknown.map((entry) => ({
    ruleId: emailCompat.meta.id,
    severity: 'error',
    message: `email.clients: "${entry}" is no caniemail client`,
    file: config.configFile ?? config.projectRoot,
    line: 1,
    column: 1,
    hint: 'name clients as caniemail does: family.platform, e.g. outlook.windows, gmail.ios, apple-mail.macos',
  }));
}

/**
 * The compatibility rules of one message's email: compiled once (MJML through the shared
 * cache the email checks filled), every caniemail feature it uses found once, then each
 * enabled rule. [] without an email.
 */
export async function checkCompat(
  message: Message,
  config: ResolvedConfig,
  isEnabled: (ruleId: string) => boolean,
  compile: (message: EmailMessage) => Promise<CompiledEmail> = compileMessageEmail,
): Promise<Diagnostic[]> {
  if (!hasEmail(message)) return [];
  const compiled = await compile(message);
  if (compiled.html === '') return [];
  const data = caniemailData();
  matchers ??= featureMatchers(data);
  const { targets, unknown } = resolveClientTargets(data, config.email.clients);
  const parsed = parsedEmail(compiled);
  const sourceOf = usageSource({ compiled, ...parsed });
  const input: CompatCheckInput = {
    message,
    compiled,
    ...parsed,
    data,
    targets,
    acceptPartial: config.email.acceptPartial,
    usages: [...featureUsages(parsed.page, matchers), ...imageUsages(parsed.page)],
    sourceOf,
  };
  return [...unknownClientDiagnostics(config, unknown), ...compatRules.filter((rule) => isEnabled(rule.meta.id)).flatMap((rule) => rule.check(input))];
}
