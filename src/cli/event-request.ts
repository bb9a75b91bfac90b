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
    if (!verifySfmcEnsSignature({ body, signature: ensSignature, signatureKey: keys.sfmc })) return { kind: 'refused', status: 401, reason: 'SFMC notification refused: x-sfmc-ens-signature does not match the body' };
    const events = parse(body);
    return Array.isArray(events) ? { kind: 'events', platform: 'sfmc', events } : { kind: 'refused', status: 400, reason: 'SFMC notification refused: the body is not a JSON array' };
  }
  const cioSignature = header(headers, CUSTOMERIO_SIGNATURE_HEADER);
  if (cioSignature !== undefined) {
    if (!keys.customerio) return { kind: 'refused', status: 401, reason: 'Customer.io event refused: CUSTOMERIO_WEBHOOK_SIGNING_KEY is not set (environment or .env)' };
    const timestamp = header(headers, CUSTOMERIO_TIMESTAMP_HEADER);
    if (!verifyCustomerioWebhookSignature({ body, signature: cioSignature, timestamp, signingKey: keys.customerio })) return { kind: 'refused', status: 401, reason: 'Customer.io event refused: X-CIO-Signature does not match, or X-CIO-Timestamp is more than 5 minutes off' };
    const event = parse(body);
    return event !== null && typeof event === 'object' && !Array.isArray(event) ? { kind: 'events', platform: 'customerio', events: [event] } : { kind: 'refused', status: 400, reason: 'Customer.io event refused: the body is not a JSON object' };
  }
  // ENS's handshake is the one unsigned request: exactly {callbackId, verificationKey}.
  const handshake = parse(body) as Record<string, unknown> | undefined;
  if (handshake && typeof handshake === 'object' && Object.keys(handshake).sort().join() === 'callbackId,verificationKey' && typeof handshake.callbackId === 'string' && typeof handshake.verificationKey === 'string') {
    return { kind: 'verification', callbackId: handshake.callbackId, verificationKey: handshake.verificationKey };
  }
  return { kind: 'refused', status: 401, reason: 'unsigned request refused (no x-sfmc-ens-signature or X-CIO-Signature)' };
}

/** One line per event for people: when, platform, what happened, to whom. */
export function describeEvent(platform: 'sfmc' | 'customerio', event: unknown): string {
  const record = (event ?? {}) as Record<string, any>;
  if (platform === 'sfmc') {
    const time = typeof record.timestampUTC === 'number' ? new Date(record.timestampUTC).toISOString() : '-';
    const type = String(record.eventCategoryType ?? '?').replace(/^TransactionalSendEvents\./, '');
    const reason = record.info?.statusMessage ? ` (${record.info.statusMessage})` : '';
    return `${time} sfmc ${type} ${record.definitionKey ?? '-'} ${record.info?.messageKey ?? '-'} → ${record.info?.to ?? '-'}${reason}`;
  }
  const time = typeof record.timestamp === 'number' ? new Date(record.timestamp * 1000).toISOString() : '-';
  const reason = record.data?.failure_message ? ` (${record.data.failure_message})` : '';
  return `${time} customerio ${record.object_type ?? '?'} ${record.metric ?? '?'} ${record.data?.delivery_id ?? '-'} → ${record.data?.recipient ?? '-'}${reason}`;
}
