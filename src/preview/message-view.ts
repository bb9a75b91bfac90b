import path from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import type { CompiledEmail } from '../email/index.js';
import type { MjmlRunner } from '../email/mjml-runner.js';
import { compileMessageEmail, hasEmail, personalizeEmail, type RenderedEmail } from '../email/render-email.js';
import { customerioLinkRewrite } from '../sms/customerio-link-rewrite.js';
import { sendLinks } from '../sms/links-as-sent.js';
import { renderSms, type RenderedSms } from '../sms/render-sms.js';
import { renderWhatsapp, whatsappView, type RenderedWhatsapp } from '../whatsapp/index.js';
import type { Engines } from '../render/index.js';
import {
  defaultLanguageOf,
  messageLanguages,
  samplesDir,
  workspaceLanguages,
  type BrokenMessage,
  type Message,
  type ResolvedConfig,
  type Sample,
} from '../workspace/index.js';
import { samplesShape, syntaxJson } from '../workspace/rules/index.js';
import { syntaxMjml } from '../email/rules/index.js';
import { problemLanguages, type ProblemLanguages } from './problem-languages.js';
import type { Channel, DiagnosticCounts, MessageView, PreviewDiagnostic, SmsView } from './api-types.js';

/** `diagnostic` for the UI; `languagesOf` says which languages of the message it concerns (every one by default). */
export function previewDiagnostic(diagnostic: Diagnostic, root: string, languagesOf?: ProblemLanguages): PreviewDiagnostic {
  const languages = languagesOf?.(diagnostic.file);
  return {
    ...diagnostic,
    relativeFile: path.relative(root, diagnostic.file).split(path.sep).join('/') || diagnostic.file,
    ...(languages ? { languages } : {}),
  };
}

/** The same problem reported by several samples (a syntax error) counts once. */

export function countDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
  return {
    errors: diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
    warnings: diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length,
  };
}

export function channelsOf(message: Message): Channel[] {
  return [...(message.email ? ['email' as const] : []), ...(message.sms ? ['sms' as const] : []), ...(message.whatsapp ? ['whatsapp' as const] : [])];
}

/** A message rendered with one sample (or with none, when it has no samples). */
export interface SampleRender {
  sample: Sample | undefined;
  email?: RenderedEmail;
  sms?: RenderedSms;
  whatsapp?: RenderedWhatsapp;
  /** Everything the render reported, compile problems included. */
  diagnostics: Diagnostic[];
}

/** The email body compiled once per version of the message (MJML through the shared cache); undefined without an email. */
export function compileFor(message: Message, options: { workspaceRoot: string; mjml: MjmlRunner }): Promise<CompiledEmail | undefined> {
  return hasEmail(message) ? compileMessageEmail(message, options) : Promise.resolve(undefined);
}

/** Every channel of `message` rendered with `sample`, from the compiled email: personalization only, cheap. */
export function renderSample(message: Message, compiled: CompiledEmail | undefined, sample: Sample | undefined, options: { engines: Engines }): SampleRender {
  const email = hasEmail(message) && compiled ? personalizeEmail(message, compiled, sample, options) : undefined;
  const sms = renderSms(message, sample, options);
  const whatsapp = renderWhatsapp(message, sample, options);
  return {
    sample,
    ...(email ? { email } : {}),
    ...(sms ? { sms } : {}),
    ...(whatsapp ? { whatsapp } : {}),
    diagnostics: [...(compiled?.diagnostics ?? []), ...(email?.diagnostics ?? []), ...(sms?.diagnostics ?? []), ...(whatsapp?.diagnostics ?? [])],
  };
}

/** Problems of a sample's content: the file is there and readable, so the editor can open and fix it. */
const sampleContentRules = new Set([syntaxJson.meta.id, samplesShape.meta.id]);

/** Names of the sample files whose content did not load (the loader reports them and leaves them out of `message.samples`). */
export function brokenSampleNames(message: Message): string[] {
  const folder = samplesDir(message.dir);
  const loaded = new Set(message.samples.map((sample) => sample.name));
  const names = message.diagnostics
    .filter((diagnostic) => sampleContentRules.has(diagnostic.ruleId) && path.dirname(diagnostic.file) === folder && diagnostic.file.endsWith('.json'))
    .map((diagnostic) => path.basename(diagnostic.file, '.json'));
  return [...new Set(names)].filter((name) => !loaded.has(name));
}

/**
 * An empty body explained by an error means the template failed, not that it is empty; and
 * MJML that mjml reports as invalid compiles to a mangled layout, which is no render to show.
 */
function emailRendered(email: RenderedEmail, render: SampleRender): boolean {
  if (render.diagnostics.some((diagnostic) => diagnostic.ruleId === syntaxMjml.meta.id && diagnostic.severity === 'error')) return false;
  return email.html.trim() !== '' || !email.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

export interface ViewContext {
  /** Workspace root: diagnostics carry paths relative to it. */
  root: string;
  revision: number;
  /** How Customer.io sends SMS links (txkit.config.yaml), for the as-sent count. */
  config: ResolvedConfig;
}

/**
 * The JSON the UI shows for one sample of a message in one language: `message` is that
 * language's view (`inLanguage`) of `whole`, the message in every language; `diagnostics`
 * are the ones to list with it.
 */
export function messageView(message: Message, whole: Message, render: SampleRender, diagnostics: readonly Diagnostic[], context: ViewContext): MessageView {
  const { email, sms, whatsapp } = render;
  const languagesOf = problemLanguages(whole);
  return {
    id: message.id,
    name: message.definition.name,
    ...(message.definition.description ? { description: message.definition.description } : {}),
    engine: message.definition.engine,
    broken: false,
    channels: channelsOf(message),
    language: defaultLanguageOf(message),
    languages: messageLanguages(whole),
    ...sampleList(message),
    sample: render.sample?.name ?? null,
    ...(email
      ? {
          email: {
            from: email.from,
            subject: email.subject,
            preheader: email.preheader,
            html: email.html,
            text: email.text,
            rendered: emailRendered(email, render),
          },
        }
      : {}),
    ...(sms && message.sms
      ? {
          sms: {
            to: sms.to,
            text: sms.text,
            analysis: sms.analysis,
            ...sentView(message, sms.text, context.config),
            maxSegments: message.sms.definition.maxSegments,
            rendered: sms.bodyRendered,
          },
        }
      : {}),
    ...(whatsapp ? { whatsapp: whatsappView(whatsapp) } : {}),
    diagnostics: diagnostics.map((diagnostic) => previewDiagnostic(diagnostic, context.root, languagesOf)),
    revision: context.revision,
  };
}

/** The SMS as Customer.io sends it, when it rewrites links the text has. */
function sentView(message: Message, text: string, config: ResolvedConfig): Pick<SmsView, 'sent'> {
  const rewrite = customerioLinkRewrite(message, config);
  const sent = rewrite && sendLinks(text, rewrite);
  return sent && sent.links > 0 ? { sent } : {};
}

function sampleList(message: Message): { samples: string[]; brokenSamples: string[] } {
  const brokenSamples = brokenSampleNames(message);
  // The loader's order: file names sorted.
  return { samples: [...message.samples.map((sample) => sample.name), ...brokenSamples].sort(), brokenSamples };
}

/** The message with a sample whose file does not load: nothing rendered, the sample's problems listed. */
export function brokenSampleView(message: Message, whole: Message, name: string, diagnostics: readonly Diagnostic[], context: ViewContext): MessageView {
  return { ...messageView(message, whole, { sample: undefined, diagnostics: [] }, diagnostics, context), sample: name };
}

/** A message whose message.yaml does not load: its problems and nothing to render. */
export function brokenMessageView(message: BrokenMessage, diagnostics: readonly Diagnostic[], context: ViewContext): MessageView {
  return {
    id: message.id,
    name: message.id,
    broken: true,
    channels: [],
    language: workspaceLanguages(context.config).defaultLanguage,
    languages: [],
    samples: [],
    brokenSamples: [],
    sample: null,
    diagnostics: diagnostics.map((diagnostic) => previewDiagnostic(diagnostic, context.root)),
    revision: context.revision,
  };
}
