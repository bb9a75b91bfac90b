import { formatWhatsappText, type FormattedLine } from './formatting.js';
import { whatsappLength, whatsappLimits } from './limits.js';
import type { RenderedWhatsapp, RenderedWhatsappButton } from './render-whatsapp.js';

/** A personalized part of a WhatsApp template, with its length (code points) against the documented limit (limits.ts). */
export interface WhatsappCountedText {
  text: string;
  length: number;
  limit: number;
}

export interface WhatsappButtonView {
  type: RenderedWhatsappButton['type'];
  label: WhatsappCountedText;
  url?: string;
  phone?: string;
}

/** A rendered WhatsApp message as the preview and the sandbox's outbox show it (JSON). */
export interface WhatsappView {
  to: string;
  header?: WhatsappCountedText;
  media?: { type: 'image' | 'video' | 'document'; url: string };
  /** The body as sent, and as WhatsApp formats it: one entry per line (formatting.ts). */
  body: WhatsappCountedText & { lines: FormattedLine[] };
  footer?: WhatsappCountedText;
  buttons: WhatsappButtonView[];
  rendered: boolean;
}

function counted(text: string, limit: number): WhatsappCountedText {
  return { text, length: whatsappLength(text), limit };
}

/** The WhatsApp message with its body parsed into WhatsApp's formatting, so a UI draws it as text, and each part counted against its limit. */
export function whatsappView(whatsapp: RenderedWhatsapp): WhatsappView {
  return {
    to: whatsapp.to,
    ...(whatsapp.header === undefined ? {} : { header: counted(whatsapp.header, whatsappLimits.header) }),
    ...(whatsapp.media ? { media: whatsapp.media } : {}),
    body: { ...counted(whatsapp.body, whatsappLimits.body), lines: formatWhatsappText(whatsapp.body) },
    ...(whatsapp.footer === undefined ? {} : { footer: counted(whatsapp.footer, whatsappLimits.footer) }),
    buttons: whatsapp.buttons.map((button) => ({
      type: button.type,
      label: counted(button.text, whatsappLimits.buttonText),
      ...(button.url === undefined ? {} : { url: button.url }),
      ...(button.phone === undefined ? {} : { phone: button.phone }),
    })),
    rendered: whatsapp.bodyRendered,
  };
}
