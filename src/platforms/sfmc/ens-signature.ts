/**
 * SFMC Event Notification Service signatures: `x-sfmc-ens-signature` is the base64 HMAC-SHA256
 * of the exact notification body, keyed with the callback's signature key as UTF-8 text
 * (https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/ens-notification-signing.html).
 */

import { createHmac, timingSafeEqual } from 'node:crypto';

export const SFMC_ENS_SIGNATURE_HEADER = 'x-sfmc-ens-signature';

/** The header value ENS sends with `body`. */
export function signSfmcEnsPayload(body: string | Uint8Array, signatureKey: string): string {
  return createHmac('sha256', signatureKey).update(body).digest('base64');
}

export interface SfmcEnsSignatureInput {
  /** The request body exactly as received (bytes or text), before any JSON parsing. */
  body: string | Uint8Array;
  /** The `x-sfmc-ens-signature` header; undefined when the request had none. */
  signature: string | undefined;
  /** The callback's signature key, returned once when the callback was created. */
  signatureKey: string;
}

/** True when `signature` is ENS's signature of `body` under `signatureKey` (constant-time compare). */
export function verifySfmcEnsSignature({ body, signature, signatureKey }: SfmcEnsSignatureInput): boolean {
  if (typeof signature !== 'string' || signatureKey === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(signature.trim())) return false;
  const received = Buffer.from(signature.trim(), 'base64');
  const expected = createHmac('sha256', signatureKey).update(body).digest();
  return received.length === expected.length && timingSafeEqual(received, expected);
}
