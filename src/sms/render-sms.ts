import type { Diagnostic } from '../diagnostics/index.js';
import type { RenderContext } from '../render/index.js';
import { analyzeSms, applySmartEncoding, type SmsAnalysis } from './index.js';
import type { Message, Sample } from '../workspace/index.js';
import { contextOf, renderTemplate, type RenderMessageOptions } from '../render/render-template.js';
import { renderUndefinedAttribute } from '../render/rules/index.js';

export interface RenderedSms {
  /** The body as sent: personalized, then with GSM-7 look-alikes when `sms.smartEncoding` is on. */
  text: string;
  /** The body right after personalization; equal to `text` unless smart encoding changed it. */
  personalized: string;
  /** Encoding and segments of `text`. */
  analysis: SmsAnalysis;
  to: string;
  /**
   * False when the body failed to render (syntax or render error): `text` is then not what
   * would be sent. A missing attribute in strict mode still renders, as the platform would.
   */
  bodyRendered: boolean;
  diagnostics: Diagnostic[];
}

export function renderSms(message: Message, sample: Sample | undefined, options: RenderMessageOptions): RenderedSms | undefined {
  return renderSmsWithContext(message, contextOf(sample), options);
}

/**
 * renderSms for data that is not a sample file, such as the worst-case attribute values or an API
 * send. `to`: the recipient the send names itself, in place of the message's `to` template.
 */
export function renderSmsWithContext(message: Message, context: RenderContext, options: RenderMessageOptions & { to?: string }): RenderedSms | undefined {
  const sms = message.sms;
  if (!sms) return undefined;
  // SMS is plain text: segments are counted on what the phone shows, not on HTML entities.
  const body = renderTemplate(sms.body, context, message, options);
  const to = options.to !== undefined ? { output: options.to, diagnostics: [] } : renderTemplate(sms.to, context, message, options);
  // Smart encoding runs after personalization, so it also cleans up attribute values.
  const text = sms.definition.smartEncoding ? applySmartEncoding(body.output) : body.output;
  return {
    text,
    personalized: body.output,
    analysis: analyzeSms(text),
    to: to.output.trim(),
    bodyRendered: !body.diagnostics.some((diagnostic) => diagnostic.severity === 'error' && diagnostic.ruleId !== renderUndefinedAttribute.meta.id),
    diagnostics: [...body.diagnostics, ...to.diagnostics],
  };
}
