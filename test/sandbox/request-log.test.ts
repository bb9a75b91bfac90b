import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { call, htmlEmail, sfmcToken } from './http.js';

describe('sandbox: request log', () => {
  // A fresh emulator per test: each asserts the whole log, so it must hold only that test's requests.
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await startSandbox({ now: () => 42 });
    sandbox.seed({ customerio: { messages: [{ id: 1, name: 'Receipt', contents: [{ id: 10 }] }] } });
  });
  afterEach(() => sandbox.close());

  it('tells content and definition writes apart from the token call, reads and sends', async () => {
    const token = await sfmcToken(sandbox);
    const appKey = sandbox.options.customerio.appApiKey;
    const assets = '/asset/v1/content/assets';
    await call(sandbox, 'GET', `${assets}?$filter=customerKey%20eq%20receipt`, { auth: token });
    const query = { property: 'customerKey', simpleOperator: 'equal', value: 'receipt' };
    await call(sandbox, 'POST', `${assets}/query`, { auth: token, body: { query } });
    const asset = await call(sandbox, 'POST', assets, { auth: token, body: htmlEmail('receipt') });
    await call(sandbox, 'POST', assets, { auth: token, body: htmlEmail('receipt') }); // refused, still a write attempt
    await call(sandbox, 'PATCH', `${assets}/${asset.body.id}`, { auth: token, body: { name: 'Receipt' } });
    await call(sandbox, 'POST', '/messaging/v1/email/definitions', {
      auth: token,
      body: { definitionKey: 'receipt', name: 'Receipt', content: { customerKey: 'receipt' }, subscriptions: { list: 'All Subscribers' } },
    });
    await call(sandbox, 'POST', '/messaging/v1/email/messages/k-1', {
      auth: token,
      body: { definitionKey: 'receipt', recipient: { contactKey: 'ada', to: 'ada@example.com' } },
    });
    await call(sandbox, 'GET', '/v1/transactional/1/contents', { auth: appKey });
    await call(sandbox, 'PUT', '/v1/transactional/1/content/10', { auth: appKey, body: { body: 'Hi' } });
    await call(sandbox, 'POST', '/v1/send/email', {
      auth: appKey,
      body: { transactional_message_id: 1, to: 'ada@example.com', identifiers: { id: 'ada' } },
    });

    const summary = sandbox.requests.map(({ method, path, platform, kind, write, status }) => [method, path, platform, kind, write, status]);
    expect(summary).toEqual([
      ['POST', '/v2/token', 'sfmc', 'auth', false, 200],
      ['GET', assets, 'sfmc', 'read', false, 200],
      ['POST', `${assets}/query`, 'sfmc', 'read', false, 200],
      ['POST', assets, 'sfmc', 'write', true, 201],
      ['POST', assets, 'sfmc', 'write', true, 400],
      ['PATCH', `${assets}/${asset.body.id}`, 'sfmc', 'write', true, 200],
      ['POST', '/messaging/v1/email/definitions', 'sfmc', 'write', true, 201],
      ['POST', '/messaging/v1/email/messages/k-1', 'sfmc', 'send', false, 202],
      ['GET', '/v1/transactional/1/contents', 'customerio', 'read', false, 200],
      ['PUT', '/v1/transactional/1/content/10', 'customerio', 'write', true, 200],
      ['POST', '/v1/send/email', 'customerio', 'send', false, 200],
    ]);
  });

  it('records query, body and time, and classifies unknown routes by method', async () => {
    await call(sandbox, 'GET', '/asset/v1/nothing?$page=2');
    await call(sandbox, 'DELETE', '/v1/nothing', { body: { a: 1 } });
    expect(sandbox.requests).toEqual([
      {
        method: 'GET',
        path: '/asset/v1/nothing',
        query: { $page: '2' },
        body: undefined,
        status: 404,
        platform: 'sfmc',
        kind: 'read',
        write: false,
        at: 42,
      },
      {
        method: 'DELETE',
        path: '/v1/nothing',
        query: {},
        body: { a: 1 },
        status: 404,
        platform: 'customerio',
        kind: 'write',
        write: true,
        at: 42,
      },
    ]);
  });

  it('logs a body that is not JSON as text and answers 400', async () => {
    const body = 'grant_type=client_credentials';
    const response = await fetch(new URL('/v2/token', sandbox.url), { method: 'POST', body });
    expect(response.status).toBe(400);
    expect(sandbox.requests.at(-1)?.body).toBe('grant_type=client_credentials');
  });
});
