import type { Diagnostic } from '../diagnostics/index.js';
import type { RenderContext } from '../render/index.js';
import { contextOf, renderTemplate, type RenderMessageOptions } from '../render/render-template.js';
import { renderUndefinedAttribute } from '../render/rules/index.js';
import type { TemplateSource } from '../render/index.js';
import type { Message, Sample, WhatsappButtonType } from '../workspace/index.js';

export interface RenderedWhatsappButton {
  type: WhatsappButtonType;
  text: string;
  /** type url: the link, personalized. */
  url?: string;
  /** type phone: the number called. */
  phone?: string;
}

export interface RenderedWhatsapp {
  /** The body as sent, formatting markers included (WhatsApp applies them on the phone). */
  body: string;
  to: string;
  header?: string;
  media?: { type: 'image' | 'video' | 'document'; url: string };
  footer?: string;
  buttons: RenderedWhatsappButton[];
  /** False when the body failed to render (syntax or render error): `body` is then not what would be sent. */
  bodyRendered: boolean;
  diagnostics: Diagnostic[];
}

export function renderWhatsapp(message: Message, sample: Sample | undefined, options: RenderMessageOptions): RenderedWhatsapp | undefined {
  return renderWhatsappWithContext(message, contextOf(sample), options);
}

/**
 * Every part of the WhatsApp message personalized with `context`, each through renderTemplate as
 * plain text (as an SMS is). `to`: the recipient a send names itself, in place of the template's.
 */
export function renderWhatsappWithContext(
  message: Message,
  context: RenderContext,
  options: RenderMessageOptions & { to?: string },
): RenderedWhatsapp | undefined {
  const whatsapp = message.whatsapp;
  if (!whatsapp) return undefined;
  const diagnostics: Diagnostic[] = [];
  const render = (source: TemplateSource): string => {
    const rendered = renderTemplate(source, context, message, options);
    diagnostics.push(...rendered.diagnostics);
    return rendered.output;
  };
  const body = render(whatsapp.body);
  const bodyRendered = !diagnostics.some((diagnostic) => diagnostic.severity === 'error' && diagnostic.ruleId !== renderUndefinedAttribute.meta.id);
  const to = options.to ?? render(whatsapp.to);
  return {
    body,
    to: to.trim(),
    ...(whatsapp.header ? { header: render(whatsapp.header) } : {}),
    ...(whatsapp.media ? { media: { type: whatsapp.media.type, url: render(whatsapp.media.url).trim() } } : {}),
    ...(whatsapp.footer ? { footer: render(whatsapp.footer) } : {}),
    buttons: whatsapp.buttons.map((button) => ({
      type: button.type,
      text: render(button.text),
      ...(button.url ? { url: render(button.url).trim() } : {}),
      ...(button.phone === undefined ? {} : { phone: button.phone }),
    })),
    bodyRendered,
    diagnostics,
  };
}
