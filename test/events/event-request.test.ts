import { describe, expect, it } from 'vitest';
import { classifyEventRequest, describeEvent } from '../../src/cli/event-request.js';
import { signCustomerioWebhook, signSfmcEnsPayload } from '../../src/index.js';

const keys = { sfmc: 'ens-key', customerio: 'cio-key' };
const bytes = (text: string) => Buffer.from(text);

describe('what txkit events listen makes of a request', () => {
  it("recognizes ENS's unsigned verification POST only in its documented shape", () => {
    const body = JSON.stringify({ callbackId: 'cb-1', verificationKey: 'vk-1' });
    expect(classifyEventRequest({}, bytes(body), keys)).toEqual({ kind: 'verification', callbackId: 'cb-1', verificationKey: 'vk-1' });
    expect(classifyEventRequest({}, bytes(JSON.stringify({ callbackId: 'cb-1', verificationKey: 'vk-1', extra: 1 })), keys)).toMatchObject({
      kind: 'refused',
      status: 401,
    });
    expect(classifyEventRequest({}, bytes('[]'), keys)).toMatchObject({ kind: 'refused', status: 401 });
  });

  it('accepts a signed ENS batch and refuses it without the key or with a bad signature', () => {
    const body = '[{"eventCategoryType":"TransactionalSendEvents.SmsSent"}]';
    const headers = { 'x-sfmc-ens-signature': signSfmcEnsPayload(body, keys.sfmc) };
    expect(classifyEventRequest(headers, bytes(body), keys)).toEqual({
      kind: 'events',
      platform: 'sfmc',
      events: [{ eventCategoryType: 'TransactionalSendEvents.SmsSent' }],
    });
    expect(classifyEventRequest(headers, bytes(body), { customerio: 'cio-key' })).toMatchObject({
      kind: 'refused',
      status: 401,
      reason: expect.stringContaining('SFMC_ENS_SIGNATURE_KEY is not set'),
    });
    expect(classifyEventRequest(headers, bytes(`${body} `), keys)).toMatchObject({ kind: 'refused', status: 401 });
  });

  it('accepts a signed, recent Customer.io event', () => {
    const body = '{"metric":"sent"}';
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers = { 'x-cio-timestamp': timestamp, 'x-cio-signature': signCustomerioWebhook(body, timestamp, keys.customerio) };
    expect(classifyEventRequest(headers, bytes(body), keys)).toEqual({ kind: 'events', platform: 'customerio', events: [{ metric: 'sent' }] });
    expect(classifyEventRequest({ ...headers, 'x-cio-timestamp': String(Number(timestamp) - 3600) }, bytes(body), keys)).toMatchObject({
      kind: 'refused',
      status: 401,
    });
  });

  it('prints one line per event with time, type, message and recipient', () => {
    // Shapes of the documented examples (transactional_email_events, reporting webhooks).
    const notSent = {
      eventCategoryType: 'TransactionalSendEvents.EmailNotSent',
      timestampUTC: 1700000000000,
      definitionKey: 'welcome',
      info: { messageKey: 'k1', to: 'ada@example.invalid', statusMessage: 'The recipient address does not exist.' },
    };
    expect(describeEvent('sfmc', notSent)).toBe(
      '2023-11-14T22:13:20.000Z sfmc EmailNotSent welcome k1 → ada@example.invalid (The recipient address does not exist.)',
    );
    const delivered = {
      object_type: 'sms',
      metric: 'delivered',
      timestamp: 1700000000,
      data: { delivery_id: 'RAECAAFwnUSneIa0ZXkmb', recipient: '+15551234567' },
    };
    expect(describeEvent('customerio', delivered)).toBe('2023-11-14T22:13:20.000Z customerio sms delivered RAECAAFwnUSneIa0ZXkmb → +15551234567');
    expect(describeEvent('customerio', null)).toBe('- customerio - - - → -');
  });
});
