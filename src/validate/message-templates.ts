import { expandIncludes } from '../email/mjml-includes.js';
import type { TemplateSource } from '../render/index.js';
import type { Message } from '../workspace/index.js';

export type TemplatePart = 'body' | 'text' | 'subject' | 'preheader' | 'from' | 'replyTo' | 'to' | 'header' | 'footer' | 'media' | 'button';

export interface MessageTemplate {
  channel: 'email' | 'sms' | 'whatsapp';
  part: TemplatePart;
  source: TemplateSource;
}

/** Every template of a message: body files and the personalizable strings of message.yaml. */
export function messageTemplates(message: Message): MessageTemplate[] {
  const templates: MessageTemplate[] = [];
  const add = (channel: MessageTemplate['channel'], part: TemplatePart, source: TemplateSource | undefined) => {
    if (source) templates.push({ channel, part, source });
  };
  const { email, sms, whatsapp } = message;
  if (email) {
    add('email', 'body', email.body);
    add('email', 'text', email.text);
    add('email', 'subject', email.subject);
    add('email', 'preheader', email.preheader);
    add('email', 'from', email.from);
    add('email', 'replyTo', email.replyTo);
  }
  if (sms) {
    add('sms', 'body', sms.body);
    add('sms', 'to', sms.to);
  }
  if (whatsapp) {
    add('whatsapp', 'body', whatsapp.body);
    add('whatsapp', 'to', whatsapp.to);
    add('whatsapp', 'header', whatsapp.header);
    add('whatsapp', 'media', whatsapp.media?.url);
    add('whatsapp', 'footer', whatsapp.footer);
    for (const button of whatsapp.buttons) {
      add('whatsapp', 'button', button.text);
      add('whatsapp', 'button', button.url);
    }
  }
  return templates;
}

/**
 * `messageTemplates` with an MJML body's mj-include partials inlined, so what a partial reads
 * counts for the message; a position in a partial is reported in the partial's file. Include
 * problems are the email checks' to report.
 */
export async function messageTemplatesWithPartials(message: Message, workspaceRoot: string): Promise<MessageTemplate[]> {
  const { email } = message;
  const templates = messageTemplates(message);
  if (!email || email.bodyKind !== 'mjml') return templates;
  const expanded = await expandIncludes(email.body, { workspaceRoot });
  if (expanded.files.length === 1) return templates;
  const body: TemplateSource = { file: email.body.file, text: expanded.source.text, locate: (offset) => expanded.source.locate(offset) };
  return templates.map((template) => (template.source === email.body ? { ...template, source: body } : template));
}
