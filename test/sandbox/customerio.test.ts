import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { call } from './http.js';

describe('sandbox: Customer.io transactional', () => {
  // Each test gets its own emulator, seed and clock: a PUT in one test must not change what another reads.
  let clock: number;
  let sandbox: Sandbox;
  let appKey: string;
  beforeEach(async () => {
    clock = 1_700_000_000_000;
    sandbox = await startSandbox({ customerio: { appApiKey: 'app-key', transactionalApiKey: 'tx-key' }, now: () => clock });
    sandbox.seed({
      customerio: {
        messages: [
          {
            id: 3,
            name: 'Order confirmation',
            trigger_name: 'order_confirmation',
            contents: [
              { id: 139, subject: 'Thanks {{customer.first_name}}', body: '<p>Order {{trigger.order_id}}</p>', from_id: 1 },
              { id: 140, language: 'fr', subject: 'Merci', body: '<p>Commande</p>' },
            ],
          },
          { id: 4, name: 'Login code', trigger_name: 'login_code', contents: [{ id: 150, type: 'twilio', body: 'Code {{trigger.code}}' }] },
        ],
      },
    });
    appKey = sandbox.options.customerio.appApiKey;
  });
  afterEach(() => sandbox.close());

  it('lists and reads messages and their content variants', async () => {
    const list = await call(sandbox, 'GET', '/v1/transactional', { auth: appKey });
    expect(list.status).toBe(200);
    expect(list.body.messages.map((m: { id: number }) => m.id)).toEqual([3, 4]);
    const one = await call(sandbox, 'GET', '/v1/transactional/3', { auth: appKey });
    expect(one.body.message).toMatchObject({ id: 3, name: 'Order confirmation', trigger_name: 'order_confirmation' });
    const contents = await call(sandbox, 'GET', '/v1/transactional/3/contents', { auth: appKey });
    expect(contents.body.contents).toHaveLength(2);
    expect(contents.body.contents[0]).toMatchObject({ id: 139, language: '', type: 'email', from_id: 1, headers: '[]' });
    const french = await call(sandbox, 'GET', '/v1/transactional/3/language/fr', { auth: appKey });
    expect(french.body.content).toMatchObject({ id: 140, subject: 'Merci' });
    const byDefault = await call(sandbox, 'GET', '/v1/transactional/3/language/', { auth: appKey });
    expect(byDefault.body.content.id).toBe(139);
  });

  it('overwrites every writable field on PUT and returns headers as a JSON string', async () => {
    clock += 5_000;
    const put = await call(sandbox, 'PUT', '/v1/transactional/3/content/139', {
      auth: appKey,
      body: { subject: 'New subject', body: '<p>New</p>', headers: [{ name: 'X-Tag', value: 'txkit' }], id: 139, type: 'email' },
    });
    expect(put.status).toBe(200);
    expect(put.body.content).toMatchObject({
      id: 139,
      subject: 'New subject',
      body: '<p>New</p>',
      from_id: null, // left out, so cleared: PUT is a full overwrite
      preheader_text: '',
      headers: '[{"name":"X-Tag","value":"txkit"}]',
      updated: Math.floor(clock / 1000),
    });
    expect(sandbox.state.customerio.contents.get(3)?.[0]?.subject).toBe('New subject');
    expect(sandbox.state.customerio.messages.get(3)?.updated_at).toBe(Math.floor(clock / 1000));

    const byLanguage = await call(sandbox, 'PUT', '/v1/transactional/3/language/fr', { auth: appKey, body: { subject: 'Merci !' } });
    expect(byLanguage.body.content).toMatchObject({ id: 140, subject: 'Merci !', body: '' });
  });

  it('refuses unknown fields and wrong types', async () => {
    const unknown = await call(sandbox, 'PUT', '/v1/transactional/3/content/139', { auth: appKey, body: { subjct: 'typo' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ meta: { error: 'unknown field "subjct"' } });
    const wrongType = await call(sandbox, 'PUT', '/v1/transactional/3/content/139', { auth: appKey, body: { headers: '[]' } });
    expect(wrongType.status).toBe(400);
  });

  it('answers 404 for unknown messages, contents and languages', async () => {
    const paths = ['/v1/transactional/99', '/v1/transactional/99/contents', '/v1/transactional/3/language/de'];
    for (const path of paths) {
      const answer = await call(sandbox, 'GET', path, { auth: appKey });
      expect(answer.status).toBe(404);
      expect(answer.body.meta.error).toEqual(expect.any(String));
    }
    expect((await call(sandbox, 'PUT', '/v1/transactional/3/content/150', { auth: appKey, body: {} })).status).toBe(404);
  });

  it('accepts only the App API key on the App API', async () => {
    for (const auth of [undefined, 'tx-key']) {
      const answer = await call(sandbox, 'GET', '/v1/transactional', { auth });
      expect(answer.status).toBe(401);
      expect(answer.body.meta.error).toEqual(expect.any(String));
    }
  });

  it('sends email and SMS by id or trigger name with either key', async () => {
    const email = await call(sandbox, 'POST', '/v1/send/email', {
      auth: 'tx-key',
      body: { transactional_message_id: 3, to: 'ada@example.com', identifiers: { id: 'ada' }, message_data: { order_id: 'A1' } },
    });
    expect(email.status).toBe(200);
    expect(email.body).toEqual({ delivery_id: expect.any(String), queued_at: Math.floor(clock / 1000) });
    const sms = await call(sandbox, 'POST', '/v1/send/sms', {
      auth: appKey,
      body: { transactional_message_id: 'LOGIN_CODE', identifiers: { email: 'ada@example.com' }, message_data: { code: '1234' } },
    });
    expect(sms.status).toBe(200);
    const raw = await call(sandbox, 'POST', '/v1/send/email', {
      auth: 'tx-key',
      body: { to: 'ada@example.com', identifiers: { id: 'ada' }, subject: 'Hi', body: '<p>Hi</p>', from: 'shop@example.com' },
    });
    expect(raw.status).toBe(200);
    expect(sandbox.state.customerio.deliveries.map((d) => d.channel)).toEqual(['email', 'sms', 'email']);
  });

  it('refuses sends missing required fields, with an unknown template, or without a key', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['/v1/send/email', { transactional_message_id: 3, to: 'ada@example.com' }],
      ['/v1/send/email', { transactional_message_id: 3, identifiers: { id: 'ada' } }],
      ['/v1/send/email', { to: 'ada@example.com', identifiers: { id: 'ada' }, subject: 'Hi' }],
      ['/v1/send/email', { transactional_message_id: 'login_code', to: 'ada@example.com', identifiers: { id: 'ada' } }],
      ['/v1/send/sms', { identifiers: { id: 'ada' } }],
      ['/v1/send/sms', { transactional_message_id: 3, identifiers: { id: 'ada' } }],
    ];
    for (const [path, body] of cases) {
      const answer = await call(sandbox, 'POST', path, { auth: 'tx-key', body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.meta.error).toEqual(expect.any(String));
    }
    expect((await call(sandbox, 'POST', '/v1/send/sms', { auth: 'wrong', body: {} })).status).toBe(401);
  });
});

describe('sandbox: Customer.io App API rate limit', () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    // A clock that stands still keeps every request inside one window, however slow the machine.
    sandbox = await startSandbox({ rateLimits: { customerioAppPerSecond: 3, retryAfterSeconds: 1 }, now: () => 0 });
  });
  afterEach(() => sandbox.close());

  it('answers 429 with Retry-After beyond the per-second allowance, and does not count sends', async () => {
    const auth = sandbox.options.customerio.appApiKey;
    const answers = await Promise.all(Array.from({ length: 5 }, () => call(sandbox, 'GET', '/v1/transactional', { auth })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 429, 429]);
    const limited = answers.find((a) => a.status === 429);
    expect(limited?.headers.get('retry-after')).toBe('1');
    expect(limited?.body).toEqual({ meta: { error: 'Too many requests' } });
    const send = await call(sandbox, 'POST', '/v1/send/sms', { auth, body: { identifiers: { id: 'x' } } });
    expect(send.status).toBe(400); // refused for its body, not for the rate
  });
});
