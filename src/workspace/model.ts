import type { Diagnostic } from '../diagnostics/index.js';
import type { RenderContext } from './render-context.js';
import type { TemplateSource } from './template-source.js';
import type { ResolvedConfig } from './config.js';
import type { EmailDefinition, MessageDefinition, SmsDefinition, WhatsappButtonType, WhatsappDefinition } from './message-schema.js';
import type { LocatedDocument } from './yaml-document.js';

export interface Sample {
  /** File name without `.json`: what `--sample NAME` selects. */
  name: string;
  file: string;
  data: RenderContext;
  document: LocatedDocument;
  /** `"language": "fr"` in the sample: the language it previews; the default language when absent. */
  language?: string;
}

export interface EmailTemplates {
  definition: EmailDefinition;
  bodyKind: 'mjml' | 'html';
  body: TemplateSource;
  /** Explicit plain-text version; generated from the HTML when absent. */
  text?: TemplateSource;
  subject: TemplateSource;
  preheader?: TemplateSource;
  from: TemplateSource;
  replyTo?: TemplateSource;
}

export interface SmsTemplates {
  definition: SmsDefinition;
  body: TemplateSource;
  to: TemplateSource;
}

export interface WhatsappButtonTemplates {
  type: WhatsappButtonType;
  text: TemplateSource;
  /** type url: the link, personalizable. */
  url?: TemplateSource;
  /** type phone: the number, as written. */
  phone?: string;
}

export interface WhatsappTemplates {
  definition: WhatsappDefinition;
  body: TemplateSource;
  to: TemplateSource;
  header?: TemplateSource;
  media?: { type: 'image' | 'video' | 'document'; url: TemplateSource };
  footer?: TemplateSource;
  buttons: WhatsappButtonTemplates[];
}

/** One translation of a message: each channel it translates (a channel it lacks is sent in the default language). */
export interface Translation {
  language: string;
  email?: EmailTemplates;
  sms?: SmsTemplates;
}

export interface Message {
  /** Directory name: the id commands take. */
  id: string;
  dir: string;
  /** Path of message.yaml. */
  file: string;
  definition: MessageDefinition;
  document: LocatedDocument;
  email?: EmailTemplates;
  sms?: SmsTemplates;
  whatsapp?: WhatsappTemplates;
  samples: Sample[];
  /** The language of `email` and `sms`: txkit.config.yaml `locales.default` (`en` without one). */
  language?: string;
  /** The message in other languages (`email.fr.mjml`, `sms.fr.txt`, `email.translations.fr`); see workspace/languages.ts. */
  translations?: Translation[];
  /** Set on a translation's view (`inLanguage`): checks of the message as a whole (attributes/unused) run on the default view only. */
  translationView?: true;
  /** Problems found while loading (a broken sample, a missing body file); the message is still usable. */
  diagnostics: Diagnostic[];
}

/** A message directory whose message.yaml could not be loaded at all. */
export interface BrokenMessage {
  id: string;
  dir: string;
  file: string;
  /** Never set: keeps `Message | BrokenMessage` a union that `isBroken` can narrow both ways. */
  definition?: undefined;
  diagnostics: Diagnostic[];
}

export interface Workspace {
  root: string;
  config: ResolvedConfig;
  messages: Message[];
  broken: BrokenMessage[];
}
