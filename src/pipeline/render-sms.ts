import type { Diagnostic } from '../diagnostics/index.js';
import type { Message, Sample } from '../workspace/index.js';
import { contextOf, renderTemplate, type RenderMessageOptions } from './render-template.js';

export interface RenderedSms {
  text: string;
  to: string;
  diagnostics: Diagnostic[];
}

export function renderSms(message: Message, sample: Sample | undefined, options: RenderMessageOptions): RenderedSms | undefined {
  const sms = message.sms;
  if (!sms) return undefined;
  const context = contextOf(sample);
  const body = renderTemplate(sms.body, context, message, options);
  const to = renderTemplate(sms.to, context, message, options);
  return { text: body.output, to: to.output.trim(), diagnostics: [...body.diagnostics, ...to.diagnostics] };
}
