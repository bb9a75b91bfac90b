import { randomUUID } from 'node:crypto';
import type { Diagnostic } from '../../diagnostics/index.js';
import { isRecord } from '../json-values.js';
import type { Platform } from '../route-kind.js';
import type { OutboxChannel, OutboxEntry, OutboxOutcome } from './outbox-entry.js';
import type { SendRendering } from './render-send.js';

/** The request a send arrived in (a route's context has these fields). */
export interface ReceivedRequest {
  method: string;
  path: string;
  body: unknown;
  /** Arrival time, ms. */
  now: number;
}

export interface SendRecord {
  platform: Platform;
  channel: OutboxChannel;
  templateKey: string;
  messageKey?: string;
  recipient: string;
  outcome: OutboxOutcome;
  /** Absent for a refused send: nothing was rendered. */
  rendering?: SendRendering;
}

/** The outbox entry of one send (one recipient of a batch). */
export function outboxEntry(request: ReceivedRequest, send: SendRecord): OutboxEntry {
  const { rendering } = send;
  return {
    id: randomUUID(),
    platform: send.platform,
    channel: send.channel,
    templateKey: send.templateKey,
    ...(send.messageKey !== undefined ? { messageKey: send.messageKey } : {}),
    recipient: send.recipient,
    ...(rendering?.message !== undefined ? { message: rendering.message } : {}),
    ...(rendering?.unrendered !== undefined ? { unrendered: rendering.unrendered } : {}),
    receivedAt: request.now,
    request: { method: request.method, path: request.path, body: request.body },
    outcome: send.outcome,
    ...(rendering?.email ? { email: rendering.email } : {}),
    ...(rendering?.sms ? { sms: rendering.sms } : {}),
    ...(rendering?.whatsapp ? { whatsapp: rendering.whatsapp } : {}),
    diagnostics: rendering?.diagnostics ?? [],
  };
}

/** The outcome of a send answered with an error: its status, and the code and message of the platform's error body. */
export function refusedOutcome(status: number, body: unknown): OutboxOutcome {
  const errorCode = isRecord(body) && typeof body.errorcode === 'number' ? body.errorcode : undefined;
  const meta = isRecord(body) && isRecord(body.meta) ? body.meta : {};
  const message = isRecord(body) && typeof body.message === 'string' ? body.message : typeof meta.error === 'string' ? meta.error : `HTTP ${status}`;
  return { status: 'refused', httpStatus: status, ...(errorCode !== undefined ? { errorCode } : {}), reason: message };
}

/** The first error of a rendering: what makes the platform fail the send. */
export function firstError(diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  return diagnostics.find((diagnostic) => diagnostic.severity === 'error');
}
