import { convert } from 'html-to-text';
import type { Diagnostic } from '../diagnostics/index.js';
import { compileEmail } from '../email/compile-email.js';
import { fileTemplateSource } from '../render/index.js';
import type { Message, Sample } from '../workspace/index.js';
import { contextOf, renderTemplate, type RenderMessageOptions } from './render-template.js';

export interface RenderedEmail {
  subject: string;
  preheader: string;
  from: string;
  html: string;
  text: string;
  diagnostics: Diagnostic[];
}

export async function renderEmail(message: Message, sample: Sample | undefined, options: RenderMessageOptions): Promise<RenderedEmail | undefined> {
  const email = message.email;
  if (!email) return undefined;
  const context = contextOf(sample);
  const compiled = await compileEmail(email);
  const html = renderTemplate(fileTemplateSource(email.body.file, compiled.html), context, message, options);
  const subject = renderTemplate(email.subject, context, message, options);
  const preheader = email.preheader ? renderTemplate(email.preheader, context, message, options) : { output: '', diagnostics: [] };
  const from = renderTemplate(email.from, context, message, options);
  const text = email.text ? renderTemplate(email.text, context, message, options) : { output: convert(html.output, { wordwrap: 78 }), diagnostics: [] };
  return {
    subject: subject.output,
    preheader: preheader.output,
    from: from.output,
    html: html.output,
    text: text.output,
    diagnostics: [...compiled.diagnostics, ...html.diagnostics, ...subject.diagnostics, ...preheader.diagnostics, ...from.diagnostics, ...text.diagnostics],
  };
}

