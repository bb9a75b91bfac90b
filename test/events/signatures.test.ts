import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { signCustomerioWebhook, signSfmcEnsPayload, verifyCustomerioWebhookSignature, verifySfmcEnsSignature } from '../../src/index.js';

/** Expected values come from OpenSSL, not from txkit: the schemes as the platforms document them. */
const openssl = (key: string, input: string, format: '-binary' | '-hex') =>
  execFileSync('openssl', ['dgst', '-sha256', '-hmac', key, format, ...(format === '-hex' ? ['-r'] : [])], { input });

describe('verifySfmcEnsSignature (x-sfmc-ens-signature: base64 HMAC-SHA256 of the body, key as UTF-8)', () => {
  const signatureKey = 'V27FXfqI3DnhfQW1bhFDeJixpt8eDAY5R24UJI3cK6M='; // the shape of the key in the createCallback example
  const body =
    '[{"eventCategoryType":"TransactionalSendEvents.EmailSent","timestampUTC":1700000000000,"definitionKey":"welcome","info":{"messageKey":"k1","to":"ada@example.com"}}]';
  const signature = openssl(signatureKey, body, '-binary').toString('base64');

  it('accepts the signature of the exact body, as text or bytes', () => {
    expect(signSfmcEnsPayload(body, signatureKey)).toBe(signature);
    expect(verifySfmcEnsSignature({ body, signature, signatureKey })).toBe(true);
    expect(verifySfmcEnsSignature({ body: Buffer.from(body), signature, signatureKey })).toBe(true);
  });

  it('refuses a tampered body, another key, the key base64-decoded, and malformed or missing headers', () => {
    expect(verifySfmcEnsSignature({ body: body.replace('k1', 'k2'), signature, signatureKey })).toBe(false);
    expect(verifySfmcEnsSignature({ body, signature, signatureKey: 'another-key' })).toBe(false);
    const decodedKeySignature = execFileSync(
      'openssl',
      ['dgst', '-sha256', '-mac', 'HMAC', '-macopt', `hexkey:${Buffer.from(signatureKey, 'base64').toString('hex')}`, '-binary'],
      { input: body },
    ).toString('base64');
    expect(verifySfmcEnsSignature({ body, signature: decodedKeySignature, signatureKey })).toBe(false);
    for (const bad of [undefined, '', 'not base64!', signature.slice(0, 20)])
      expect(verifySfmcEnsSignature({ body, signature: bad, signatureKey })).toBe(false);
    expect(verifySfmcEnsSignature({ body, signature, signatureKey: '' })).toBe(false);
  });
});

describe('verifyCustomerioWebhookSignature (X-CIO-Signature: hex HMAC-SHA256 of v0:<X-CIO-Timestamp>:<body>)', () => {
  const signingKey = 'cio-signing-key';
  const body = '{"event_id":"01E4","object_type":"email","metric":"delivered","timestamp":1700000000,"data":{"delivery_id":"d1"}}';
  const timestamp = '1700000000';
  const signature = openssl(signingKey, `v0:${timestamp}:${body}`, '-hex').toString().split(' ')[0]!;
  const now = 1700000000 * 1000 + 30_000;

  it('accepts a recent, matching signature', () => {
    expect(signCustomerioWebhook(body, timestamp, signingKey)).toBe(signature);
    expect(verifyCustomerioWebhookSignature({ body, signature, timestamp, signingKey, now })).toBe(true);
    expect(verifyCustomerioWebhookSignature({ body, signature: signature.toUpperCase(), timestamp, signingKey, now })).toBe(true);
  });

  it('refuses a tampered body, another key, another timestamp, a stale or future timestamp and malformed headers', () => {
    expect(verifyCustomerioWebhookSignature({ body: body.replace('delivered', 'opened'), signature, timestamp, signingKey, now })).toBe(false);
    expect(verifyCustomerioWebhookSignature({ body, signature, timestamp, signingKey: 'other', now })).toBe(false);
    expect(verifyCustomerioWebhookSignature({ body, signature, timestamp: '1700000001', signingKey, now })).toBe(false);
    expect(verifyCustomerioWebhookSignature({ body, signature, timestamp, signingKey, now: now + 10 * 60_000 })).toBe(false);
    expect(verifyCustomerioWebhookSignature({ body, signature, timestamp, signingKey, now: now - 10 * 60_000 })).toBe(false);
    expect(verifyCustomerioWebhookSignature({ body, signature, timestamp, signingKey, now: now + 10 * 60_000, toleranceSeconds: 3600 })).toBe(true);
    for (const [sig, ts] of [
      [undefined, timestamp],
      [signature, undefined],
      ['zz', timestamp],
      [signature, 'yesterday'],
    ] as const) {
      expect(verifyCustomerioWebhookSignature({ body, signature: sig, timestamp: ts, signingKey, now })).toBe(false);
    }
  });
});
