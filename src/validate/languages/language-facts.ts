import type { Message } from '../../workspace/index.js';
import type { MessageTemplate, TemplatePart } from '../message-templates.js';
import type { TemplateReference } from '../attributes/template-references.js';

/** One language of a message, as the languages/* rules compare it with the default language. */
export interface LanguageTemplates {
  language: string;
  /** The channels this language has its own content for (a translation may lack one). */
  channels: ReadonlySet<MessageTemplate['channel']>;
  templates: readonly MessageTemplate[];
  /** Attribute reads per template of a channel this language has (`email body`, `email subject`, `sms body`); a template that does not parse has none. */
  references: ReadonlyMap<string, readonly TemplateReference[]>;
}

/** What the languages provider computes once per message: the default language and each translation. */
export interface LanguageFacts {
  message: Message;
  defaultLanguage: LanguageTemplates;
  translations: readonly LanguageTemplates[];
}

/** The key of `references`: a channel and one of its templates. */
export const templateKey = (channel: MessageTemplate['channel'], part: TemplatePart) => `${channel} ${part}`;
