import { uniqueDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import { compileMessageEmail, hasEmail, personalizeEmail, type EmailMessage, type RenderEmailOptions } from './render-email.js';
import type { RenderMessageOptions } from '../render/render-template.js';
import { engineFor } from '../render/index.js';
import type { Message } from '../workspace/index.js';
import type { EmailCheckInput, SampleOutput } from './checks/index.js';
import { parsedEmail } from './checks/parsed-email.js';
import { emailCheckRules } from './rules/index.js';
import { renderedLinks } from './checks/rendered-links.js';
import type { CompiledEmail } from './compile-email.js';

/** The same problem found through several samples (or several copies of a tag) is reported once. */

/** Without samples nothing renders, but the templates must still parse. */
function syntaxDiagnostics(message: EmailMessage, compiled: CompiledEmail, options: RenderMessageOptions): Diagnostic[] {
  const engine = engineFor(options.engines, message.definition.engine);
  const { email } = message;
  return [compiled.source, email.subject, email.preheader, email.from, email.text].flatMap((source) => (source ? engine.compile(source).diagnostics : []));
}

/**
 * Every email check of a compiled email: compile problems, then each sample personalized
 * (render problems, and what the per-sample rules need), then every rule of `emailCheckRules`.
 */
export function checkCompiledEmail(message: EmailMessage, compiled: CompiledEmail, options: RenderMessageOptions): Diagnostic[] {
  const parsed = parsedEmail(compiled);
  const linksFor = renderedLinks(parsed.page, message.definition.engine, options.engines);
  const diagnostics = [...compiled.diagnostics];
  if (message.samples.length === 0) diagnostics.push(...syntaxDiagnostics(message, compiled, options));
  const samples: SampleOutput[] = message.samples.map((sample) => {
    const rendered = personalizeEmail(message, compiled, sample, options);
    diagnostics.push(...rendered.diagnostics);
    return { sample, html: rendered.html, links: linksFor(sample) };
  });
  const input: EmailCheckInput = { message, compiled, ...parsed, samples };
  for (const rule of emailCheckRules) diagnostics.push(...rule.check(input));
  return uniqueDiagnostics(diagnostics);
}

/**
 * The email of a message, checked: compiled once (MJML through the cache), personalized with
 * every sample, every email rule applied; each problem reported once. [] without an email.
 */
export async function checkEmailMessage(message: Message, options: RenderEmailOptions): Promise<Diagnostic[]> {
  if (!hasEmail(message)) return [];
  return checkCompiledEmail(message, await compileMessageEmail(message, options), options);
}
