import type { TemplateSource } from '../render/index.js';
import type { Message } from '../workspace/index.js';

export type TemplatePart = 'body' | 'text' | 'subject' | 'preheader' | 'from' | 'replyTo' | 'to';

export interface MessageTemplate {
  channel: 'email' | 'sms';
  part: TemplatePart;
  source: TemplateSource;
}

/** Every template of a message: body files and the personalizable strings of message.yaml. */
export function messageTemplates(message: Message): MessageTemplate[] {
  const templates: MessageTemplate[] = [];
  const add = (channel: MessageTemplate['channel'], part: TemplatePart, source: TemplateSource | undefined) => {
    if (source) templates.push({ channel, part, source });
  };
  const { email, sms } = message;
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
  return templates;
}
