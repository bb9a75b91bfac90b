import type { WhatsappDefinition } from './message-schema.js';
import type { WhatsappButtonTemplates, WhatsappTemplates } from './model.js';
import type { LocatedDocument } from './yaml-document.js';

/**
 * The personalizable strings of a `whatsapp` section (recipient, header, media URL, footer,
 * button labels and links) as templates positioned in message.yaml. Undefined when `to` is not
 * there to read (the schema has reported it).
 */
export function whatsappInlineTemplates(document: LocatedDocument, whatsapp: WhatsappDefinition): Omit<WhatsappTemplates, 'definition' | 'body'> | undefined {
  const at = (...path: (string | number)[]) => document.templateAt(['whatsapp', ...path]);
  const to = at('to');
  if (!to) return undefined;
  const header = whatsapp.header === undefined ? undefined : at('header');
  const footer = whatsapp.footer === undefined ? undefined : at('footer');
  const mediaUrl = whatsapp.media === undefined ? undefined : at('media', 'url');
  const buttons = (whatsapp.buttons ?? []).flatMap((button, index): WhatsappButtonTemplates[] => {
    const text = at('buttons', index, 'text');
    if (!text) return [];
    const url = button.url === undefined ? undefined : at('buttons', index, 'url');
    return [{ type: button.type, text, ...(url ? { url } : {}), ...(button.phone === undefined ? {} : { phone: button.phone }) }];
  });
  return {
    to,
    ...(header ? { header } : {}),
    ...(footer ? { footer } : {}),
    ...(whatsapp.media && mediaUrl ? { media: { type: whatsapp.media.type, url: mediaUrl } } : {}),
    buttons,
  };
}
