/**
 * The JSON the preview server sends to the browser UI (`preview/`): HTTP responses under
 * `/__txkit/api/` and the `txkit:update` HMR event. Types only, so the UI imports them
 * without pulling server code into the browser.
 */
import type { Diagnostic } from '../diagnostics/index.js';
import type { SmsAnalysis } from '../sms/index.js';
import type { SentSms } from '../sms/links-as-sent.js';
import type { WhatsappView } from '../whatsapp/index.js';

export type { WhatsappButtonView, WhatsappCountedText, WhatsappView } from '../whatsapp/index.js';

export type Channel = 'email' | 'sms' | 'whatsapp';

export interface PreviewDiagnostic extends Diagnostic {
  /** `file` relative to the workspace root, for display (`order-confirmation/email.mjml`). */
  relativeFile: string;
  /**
   * The languages of the message the problem concerns: those whose content its file is (a
   * translation's body, a sample naming its language). Absent when it concerns every language
   * (message.yaml, a body no translation replaces, an include).
   */
  languages?: string[];
}

export interface DiagnosticCounts {
  errors: number;
  warnings: number;
}

/** One sidebar entry. */
export interface MessageSummary {
  id: string;
  name: string;
  channels: Channel[];
  samples: string[];
  /** Problems over every language, sample and channel, each counted once. */
  counts: DiagnosticCounts;
  /** message.yaml could not be loaded: only diagnostics are available. */
  broken: boolean;
}

/** `GET /__txkit/api/workspace` */
export interface WorkspaceSnapshot {
  root: string;
  /** Increases with every applied change, so the UI can drop out-of-order answers. */
  revision: number;
  messages: MessageSummary[];
}

/** Data of the `txkit:update` HMR event. */
export interface WorkspaceUpdate extends WorkspaceSnapshot {
  /** Messages re-rendered by this change (new ones included). */
  changed: string[];
  /** Messages that no longer exist. */
  removed: string[];
}

export interface EmailView {
  from: string;
  subject: string;
  preheader: string;
  html: string;
  text: string;
  /** False when the body produced no output because of an error (the UI keeps the last good render). */
  rendered: boolean;
}

export interface SmsView {
  to: string;
  text: string;
  analysis: SmsAnalysis;
  /** The text as Customer.io sends it, each link replaced; absent when nothing is rewritten. */
  sent?: SentSms;
  maxSegments: number;
  rendered: boolean;
}

/** `GET /__txkit/api/messages/:id?sample=NAME&language=CODE` */
export interface MessageView {
  id: string;
  name: string;
  description?: string;
  engine?: string;
  broken: boolean;
  channels: Channel[];
  /** The language shown (README "Languages"): the one asked for, else the named sample's, else the message's default. */
  language: string;
  /** Every language the message can be shown in, its default first; empty for a message that does not load. */
  languages: string[];
  /** The sample files that preview `language`, plus those that do not load (listed in `brokenSamples` too). */
  samples: string[];
  /** Samples whose file does not load (invalid JSON, wrong shape): they stay pickable, to be fixed in the editor. */
  brokenSamples: string[];
  /** The sample shown, or null when the message has none; a broken sample has no email or sms (the UI keeps the last good render). */
  sample: string | null;
  email?: EmailView;
  sms?: SmsView;
  whatsapp?: WhatsappView;
  /**
   * Load problems of the message (every language's, each with its `languages`) plus render
   * problems of this sample; the UI lists those of `language` and counts the others'.
   */
  diagnostics: PreviewDiagnostic[];
  revision: number;
}

/** `GET /__txkit/api/messages/:id/samples/:name` */
export interface SampleSource {
  name: string;
  relativeFile: string;
  text: string;
}

/**
 * `POST /__txkit/api/messages/:id/samples/:name` (body: the JSON text), and `PUT` to create a
 * new sample (409 when it exists); 200 whether saved or refused.
 */
export interface SampleSaveResult {
  saved: boolean;
  /** Why the text was refused (invalid JSON with its position, wrong shape); empty when saved. */
  diagnostics: PreviewDiagnostic[];
}

/** `GET /__txkit/api/messages/:id/sources`: the message's template files as they are on disk. */
export interface TemplateSources {
  files: Array<{ relativeFile: string; text: string } | { relativeFile: string; problem: string }>;
}

/** `GET /__txkit/api/send-targets`: the platforms a test can be sent through (none when the server was started without a sender). */
export interface SendTargets {
  targets: string[];
}

/** `POST /__txkit/api/messages/:id/send`: a test send of the message, as `txkit send` does it. */
export interface SendTestRequest {
  target: string;
  channel: Channel;
  /** An email address, or a phone number in E.164 form. */
  to: string;
  sample?: string;
  /** The language shown: its translation is sent (`txkit send --language`). */
  language?: string;
}

/** The outcome of a test send: the platform's (`sent`, `queued`, `not-sent`), or `refused` before or by the platform, with why. */
export interface SendTestResult {
  status: 'sent' | 'queued' | 'not-sent' | 'refused';
  id?: string;
  detail?: string;
}

/** Body of every 4xx/5xx answer of the API. */
export interface ApiError {
  error: string;
}
