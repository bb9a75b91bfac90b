import path from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { renderEmail } from '../pipeline/render-email.js';
import { renderSms } from '../pipeline/render-sms.js';
import type { Engines } from '../render/index.js';
import { analyzeSms } from '../sms/index.js';
import type { BrokenMessage, Message, Sample } from '../workspace/index.js';
import type { Channel, DiagnosticCounts, MessageView, PreviewDiagnostic } from './api-types.js';

export interface ViewContext {
  engines: Engines;
  /** Workspace root: diagnostics carry paths relative to it. */
  root: string;
  revision: number;
}

export function previewDiagnostic(diagnostic: Diagnostic, root: string): PreviewDiagnostic {
  return { ...diagnostic, relativeFile: path.relative(root, diagnostic.file).split(path.sep).join('/') || diagnostic.file };
}

/** The same problem reported by several samples (a syntax error) counts once. */
export function uniqueDiagnostics<T extends Diagnostic>(diagnostics: readonly T[]): T[] {
  const seen = new Set<string>();
  return diagnostics.filter((diagnostic) => {
    const key = `${diagnostic.file}\0${diagnostic.line}\0${diagnostic.column}\0${diagnostic.ruleId}\0${diagnostic.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
  return {
    errors: diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
    warnings: diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length,
  };
}

export function channelsOf(message: Message): Channel[] {
  return [...(message.email ? ['email' as const] : []), ...(message.sms ? ['sms' as const] : [])];
}

/** Empty output explained by an error means the template failed, not that it is empty. */
function producedOutput(output: string, diagnostics: readonly Diagnostic[]): boolean {
  return output.trim() !== '' || !diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

/** Renders every channel of `message` with `sample` into the JSON the UI shows. */
export async function renderMessageView(message: Message, sample: Sample | undefined, context: ViewContext): Promise<MessageView> {
  const options = { engines: context.engines };
  const email = await renderEmail(message, sample, options);
  const sms = renderSms(message, sample, options);
  const diagnostics = uniqueDiagnostics([...message.diagnostics, ...(email?.diagnostics ?? []), ...(sms?.diagnostics ?? [])]);
  return {
    id: message.id,
    name: message.definition.name,
    ...(message.definition.description ? { description: message.definition.description } : {}),
    engine: message.definition.engine,
    broken: false,
    channels: channelsOf(message),
    samples: message.samples.map((candidate) => candidate.name),
    sample: sample?.name ?? null,
    ...(email
      ? {
          email: {
            from: email.from,
            subject: email.subject,
            preheader: email.preheader,
            html: email.html,
            text: email.text,
            rendered: producedOutput(email.html, email.diagnostics),
          },
        }
      : {}),
    ...(sms && message.sms
      ? {
          sms: {
            to: sms.to,
            text: sms.text,
            analysis: analyzeSms(sms.text),
            maxSegments: message.sms.definition.maxSegments,
            rendered: producedOutput(sms.text, sms.diagnostics),
          },
        }
      : {}),
    diagnostics: diagnostics.map((diagnostic) => previewDiagnostic(diagnostic, context.root)),
    revision: context.revision,
  };
}

/** A message whose message.yaml does not load: its problems and nothing to render. */
export function brokenMessageView(message: BrokenMessage, context: Omit<ViewContext, 'engines'>): MessageView {
  return {
    id: message.id,
    name: message.id,
    broken: true,
    channels: [],
    samples: [],
    sample: null,
    diagnostics: message.diagnostics.map((diagnostic) => previewDiagnostic(diagnostic, context.root)),
    revision: context.revision,
  };
}
