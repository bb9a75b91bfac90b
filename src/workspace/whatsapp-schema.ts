import { z } from 'zod';
import { whatsappButtonTypes } from './settings-vocabulary.js';

/**
 * The `whatsapp` section of message.yaml: a WhatsApp message template as Meta structures one
 * (header, body, footer, buttons; https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components)
 * and Customer.io sends it (a transactional message whose `to` is an E.164 number or Liquid,
 * https://docs.customer.io/integrations/api/app/tag/send-messages/sendWhatsApp/). Lengths are
 * checked on the rendered text by the whatsapp/* rules, not here: a template's length says little
 * before personalization.
 */

const whatsappButtonSchema = z
  .object({
    type: z.enum(whatsappButtonTypes).describe('url opens a link, phone calls a number, quick_reply sends its text back'),
    text: z.string().min(1).describe('The label on the button; may use personalization'),
    url: z.string().min(1).optional().describe('type url: the link the button opens; may use personalization'),
    phone: z.string().min(1).optional().describe('type phone: the E.164 number the button calls'),
  })
  .strict()
  .superRefine((button, context) => {
    // Each type takes exactly the field it needs, so a misplaced field is reported where it is.
    const needs = button.type === 'quick_reply' ? undefined : button.type;
    if (needs !== undefined && button[needs] === undefined) {
      context.addIssue({ code: 'custom', path: ['type'], message: `a ${button.type} button needs \`${needs}:\`` });
    }
    for (const field of ['url', 'phone'] as const) {
      if (field !== needs && button[field] !== undefined) {
        context.addIssue({ code: 'custom', path: [field], message: `only a ${field} button has \`${field}:\`` });
      }
    }
  });

export const whatsappSchema = z
  .object({
    body: z.string().default('whatsapp.txt').describe('Body file: plain text with WhatsApp formatting (*bold*, _italic_, ~strike~, ```monospace```)'),
    to: z.string().min(1).describe('Recipient: an E.164 number or a template such as {{ customer.phone }}'),
    header: z.string().min(1).optional().describe('Text header above the body (at most 60 characters); may use personalization'),
    media: z
      .object({
        type: z.enum(['image', 'video', 'document']),
        url: z.string().min(1).describe('Public URL of the file; may use personalization'),
      })
      .strict()
      .optional()
      .describe('Media header above the body, in place of a text header'),
    footer: z.string().min(1).optional().describe('Footer line under the body (at most 60 characters)'),
    buttons: z.array(whatsappButtonSchema).min(1).max(10).optional().describe('Buttons under the message (WhatsApp allows up to 10)'),
  })
  .strict()
  .superRefine((whatsapp, context) => {
    // A template has one header: text or media (Meta: "Templates are limited to one header component").
    if (whatsapp.header !== undefined && whatsapp.media !== undefined) {
      context.addIssue({ code: 'custom', path: ['media'], message: 'a WhatsApp message has one header: `header` (text) or `media`, not both' });
    }
  });

export type WhatsappDefinition = z.output<typeof whatsappSchema>;
export type WhatsappButtonType = (typeof whatsappButtonTypes)[number];
