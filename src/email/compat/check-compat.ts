import type { Diagnostic } from '../../diagnostics/index.js';
import type { CompiledEmail } from '../compile-email.js';
import { compileMessageEmail, hasEmail, type EmailMessage } from '../render-email.js';
import type { Message, ResolvedConfig } from '../../workspace/index.js';
import { createElementLocator } from '../checks/index.js';
import { parseHtml } from '../html-elements.js';
import { caniemailData } from './caniemail-data.js';
import { resolveClientTargets } from './client-targets.js';
import type { CompatCheckInput } from './compat-input.js';
import { compatRules } from './compat-rules.js';
import { featureMatchers, type FeatureMatchers } from './feature-matchers.js';
import { featureUsages } from './feature-usages.js';
import { imageUsages } from './image-formats.js';
import { usageSource } from './usage-source.js';

let matchers: FeatureMatchers | undefined;

/** `email.clients` entries caniemail does not know, reported against txkit.config.yaml. */
function unknownClientDiagnostics(config: ResolvedConfig, unknown: readonly string[]): Diagnostic[] {
  return unknown.map((entry) => ({
    ruleId: 'email/compat',
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
  const page = parseHtml(compiled.html);
  const markup = compiled.mjml ? parseHtml(compiled.mjml.text) : undefined;
  const locateElement = createElementLocator(compiled, page, markup);
  const locateMarkup = (offset: number) => compiled.mjml?.locate(offset) ?? { file: compiled.source.file, line: 1, column: 1 };
  const sourceOf = usageSource({ compiled, page, ...(markup ? { markup } : {}), locateElement, locateMarkup });
  const input: CompatCheckInput = {
    message,
    compiled,
    page,
    ...(markup ? { markup } : {}),
    locateElement,
    locateMarkup,
    data,
    targets,
    acceptPartial: config.email.acceptPartial,
    usages: [...featureUsages(page, matchers), ...imageUsages(page)],
    sourceOf,
  };
  return [...unknownClientDiagnostics(config, unknown), ...compatRules.filter((rule) => isEnabled(rule.id)).flatMap((rule) => rule.check(input))];
}
