import type { Diagnostic } from '../../diagnostics/index.js';
import type { SmsAnalysis } from '../../sms/index.js';
import type { WhatsappView } from '../../whatsapp/index.js';
import type { Platform } from '../route-kind.js';

export type OutboxChannel = 'email' | 'sms' | 'whatsapp';

/**
 * What became of a send, as the platform reports it:
 * - `sent`: accepted and delivered (SFMC `...Sent`; a Customer.io delivery with `metrics.sent`);
 * - `failed`: accepted (202 / 200), then not delivered (SFMC `...NotSent`; a Customer.io delivery
 *   with `metrics.failed` and a `failure_message`), e.g. a template printing an attribute
 *   Customer.io's data lacks;
 * - `refused`: answered with an error at once, nothing queued (an unknown definition, an invalid
 *   `to`, a duplicate messageKey).
 */
export type OutboxOutcome =
  | { status: 'sent' }
  | { status: 'failed'; reason: string; statusCode?: number }
  | { status: 'refused'; httpStatus: number; errorCode?: number; reason: string };

/** The rendered email, shaped as the preview's email pane shows one. */
export interface OutboxEmail {
  from: string;
  subject: string;
  preheader: string;
  html: string;
  text: string;
  /** False when the body produced no output because of an error. */
  rendered: boolean;
}

/** The rendered SMS with its encoding and segments, shaped as the preview's phone shows one. */
export interface OutboxSms {
  to: string;
  text: string;
  analysis: SmsAnalysis;
  maxSegments: number;
  rendered: boolean;
}

/** The rendered WhatsApp template message, shaped as the preview's WhatsApp pane shows one (each part personalized and counted). */
export type OutboxWhatsapp = WhatsappView;

/** One send the sandbox received, as `GET /__txkit/outbox` lists it and `.txkit/sandbox-outbox.json` keeps it. */
export interface OutboxEntry {
  /** Unique in the outbox. */
  id: string;
  platform: Platform;
  channel: OutboxChannel;
  /** SFMC `definitionKey`, or Customer.io `transactional_message_id` (an id or a trigger name) as sent. */
  templateKey: string;
  /** SFMC `messageKey`; Customer.io `delivery_id` (absent when the send was refused). */
  messageKey?: string;
  /** The address sent to: `to` of the request (or, for a Customer.io SMS without one, the template's). */
  recipient: string;
  /** The workspace message the send was rendered from; absent when none has that key. */
  message?: string;
  /** Why there is no rendering, when there is none (no workspace message has the key, the workspace does not load). */
  unrendered?: string;
  /** Arrival time, ms since the epoch (sandbox clock). */
  receivedAt: number;
  /** The API call as the application made it (the body only: credentials are headers and never kept). */
  request: { method: string; path: string; body: unknown };
  outcome: OutboxOutcome;
  email?: OutboxEmail;
  sms?: OutboxSms;
  whatsapp?: OutboxWhatsapp;
  /** Load and render problems of the message with this send's data. */
  diagnostics: Diagnostic[];
}
