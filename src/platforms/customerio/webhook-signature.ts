/**
 * Customer.io reporting-webhook signatures: `X-CIO-Signature` is the hex HMAC-SHA256, keyed with
 * the webhook's signing key, of `v0:<X-CIO-Timestamp>:<body>`
 * (https://docs.customer.io/api/webhooks/#section/Securely-Verifying-Requests).
 */

import { createHmac, timingSafeEqual } from 'node:crypto';

export const CUSTOMERIO_SIGNATURE_HEADER = 'x-cio-signature';
export const CUSTOMERIO_TIMESTAMP_HEADER = 'x-cio-timestamp';

/** How far a timestamp may be from now before the request counts as a replay. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

function digest(signingKey: string, timestamp: string, body: string | Uint8Array): Buffer {
  return createHmac('sha256', signingKey).update(`v0:${timestamp}:`).update(body).digest();
}

/** The `X-CIO-Signature` value Customer.io sends with `body` at `timestamp` (unix seconds). */
export function signCustomerioWebhook(body: string | Uint8Array, timestamp: number | string, signingKey: string): string {
  return digest(signingKey, String(timestamp), body).toString('hex');
}

export interface CustomerioSignatureInput {
  /** The request body exactly as received. */
  body: string | Uint8Array;
  /** `X-CIO-Signature`; undefined when absent. */
  signature: string | undefined;
  /** `X-CIO-Timestamp` (unix seconds); undefined when absent. */
  timestamp: string | undefined;
  signingKey: string;
  /** Accepted distance between the timestamp and now, in seconds. Default 300. */
  toleranceSeconds?: number;
  /** The clock, in ms. Default Date.now. */
  now?: number;
}

/** True when the signature matches and the timestamp is recent (constant-time compare). */
export function verifyCustomerioWebhookSignature(input: CustomerioSignatureInput): boolean {
  const { body, signature, timestamp, signingKey } = input;
  if (typeof signature !== 'string' || typeof timestamp !== 'string' || signingKey === '') return false;
  if (!/^\d{1,12}$/.test(timestamp) || !/^[0-9a-fA-F]{64}$/.test(signature)) return false;
  const ageSeconds = Math.abs((input.now ?? Date.now()) / 1000 - Number(timestamp));
  if (ageSeconds > (input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return false;
  const expected = digest(signingKey, timestamp, body);
  return timingSafeEqual(Buffer.from(signature, 'hex'), expected);
}
