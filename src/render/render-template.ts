import type { Diagnostic } from '../diagnostics/index.js';
import { engineFor, type ContentType, type Engines, type RenderContext, type TemplateSource } from './index.js';
import type { Message, Sample } from '../workspace/index.js';

export interface RenderMessageOptions {
  engines: Engines;
  /** Report attributes the templates print but the sample lacks. */
  strict?: boolean;
}

/** `contentType` is 'html' only for an email body: Handlebars escapes only HTML, as SFMC GTL does. */
export function renderTemplate(
  source: TemplateSource,
  context: RenderContext,
  message: Message,
  options: RenderMessageOptions,
  contentType: ContentType = 'text',
): { output: string; diagnostics: Diagnostic[] } {
  const engine = engineFor(options.engines, message.definition.engine);
  const { template, diagnostics } = engine.compile(source);
  if (!template) return { output: '', diagnostics };
  const rendered = template.render(context, { strict: options.strict ?? true, contentType });
  return { output: rendered.output, diagnostics: [...diagnostics, ...rendered.diagnostics] };
}

export function contextOf(sample: Sample | undefined): RenderContext {
  return sample?.data ?? { customer: {}, trigger: {} };
}
