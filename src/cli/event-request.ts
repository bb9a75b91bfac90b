/**
 * What a request to `txkit events listen` is: a batch of ENS notifications, a Customer.io
 * reporting-webhook event, ENS's verification handshake, or something to refuse. Signatures are
 * checked on the raw bytes before anything is parsed.
 */

import type { IncomingHttpHeaders } from 'node:http';
import { CUSTOMERIO_SIGNATURE_HEADER, CUSTOMERIO_TIMESTAMP_HEADER, verifyCustomerioWebhookSignature } from '../platforms/customerio/webhook-signature.js';
import { SFMC_ENS_SIGNATURE_HEADER, verifySfmcEnsSignature } from '../platforms/sfmc/ens-signature.js';

export interface ListenKeys {
  sfmc?: string | undefined;
  customerio?: string | undefined;
}

export type EventRequest =
  | { kind: 'events'; platform: 'sfmc' | 'customerio'; events: unknown[] }
  | { kind: 'verification'; callbackId: string; verificationKey: string }
  | { kind: 'refused'; status: number; reason: string };

const header = (headers: IncomingHttpHeaders, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function parse(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

export function classifyEventRequest(headers: IncomingHttpHeaders, body: Buffer, keys: ListenKeys): EventRequest {
  const ensSignature = header(headers, SFMC_ENS_SIGNATURE_HEADER);
  if (ensSignature !== undefined) {
    if (!keys.sfmc) return { kind: 'refused', status: 401, reason: 'SFMC notification refused: SFMC_ENS_SIGNATURE_KEY is not set (environment or .env)' };
    if (!verifySfmcEnsSignature({ body, signature: ensSignature, signatureKey: keys.sfmc }))
      return { kind: 'refused', status: 401, reason: 'SFMC notification refused: x-sfmc-ens-signature does not match the body' };
    const events = parse(body);
    return Array.isArray(events)
      ? { kind: 'events', platform: 'sfmc', events }
      : { kind: 'refused', status: 400, reason: 'SFMC notification refused: the body is not a JSON array' };
  }
  const cioSignature = header(headers, CUSTOMERIO_SIGNATURE_HEADER);
  if (cioSignature !== undefined) {
    if (!keys.customerio)
      return { kind: 'refused', status: 401, reason: 'Customer.io event refused: CUSTOMERIO_WEBHOOK_SIGNING_KEY is not set (environment or .env)' };
    const timestamp = header(headers, CUSTOMERIO_TIMESTAMP_HEADER);
    if (!verifyCustomerioWebhookSignature({ body, signature: cioSignature, timestamp, signingKey: keys.customerio }))
      return {
        kind: 'refused',
        status: 401,
        reason: 'Customer.io event refused: X-CIO-Signature does not match, or X-CIO-Timestamp is more than 5 minutes off',
      };
    const event = parse(body);
    return event !== null && typeof event === 'object' && !Array.isArray(event)
      ? { kind: 'events', platform: 'customerio', events: [event] }
      : { kind: 'refused', status: 400, reason: 'Customer.io event refused: the body is not a JSON object' };
  }
  // ENS's handshake is the one unsigned request: exactly {callbackId, verificationKey}.
  const handshake = parse(body) as Record<string, unknown> | undefined;
  if (
    handshake &&
    typeof handshake === 'object' &&
    Object.keys(handshake).sort().join() === 'callbackId,verificationKey' &&
    typeof handshake.callbackId === 'string' &&
    typeof handshake.verificationKey === 'string'
  ) {
    return { kind: 'verification', callbackId: handshake.callbackId, verificationKey: handshake.verificationKey };
  }
  return { kind: 'refused', status: 401, reason: 'unsigned request refused (no x-sfmc-ens-signature or X-CIO-Signature)' };
}

/** The value at `path` inside a parsed JSON event, as text; `-` when absent. */
function at(value: unknown, ...path: string[]): string {
  let current = value;
  for (const key of path) current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  return current === undefined || current === null ? '-' : String(current);
}

function isoTime(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : '-';
}

/** One line per event for people: when, platform, what happened, which message, to whom (and why, on failure). */
export function describeEvent(platform: 'sfmc' | 'customerio', event: unknown): string {
  if (platform === 'sfmc') {
    const type = at(event, 'eventCategoryType').replace(/^TransactionalSendEvents\./, '');
    const reason = at(event, 'info', 'statusMessage');
    return `${isoTime(Number(at(event, 'timestampUTC')))} sfmc ${type} ${at(event, 'definitionKey')} ${at(event, 'info', 'messageKey')} → ${at(event, 'info', 'to')}${reason === '-' ? '' : ` (${reason})`}`;
  }
  const reason = at(event, 'data', 'failure_message');
  return `${isoTime(Number(at(event, 'timestamp')) * 1000)} customerio ${at(event, 'object_type')} ${at(event, 'metric')} ${at(event, 'data', 'delivery_id')} → ${at(event, 'data', 'recipient')}${reason === '-' ? '' : ` (${reason})`}`;
}
