import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { call, sfmcToken } from './http.js';

describe('sandbox: SFMC auth', () => {
  let clock = 1_700_000_000_000;
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ sfmc: { clientId: 'id-1', clientSecret: 'secret-1', tokenLifetimeSeconds: 60 }, now: () => clock });
  });
  afterAll(() => sandbox.close());

  it('listens on 127.0.0.1 and issues a bearer token whose REST instance is itself', async () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const answer = await call(sandbox, 'POST', '/v2/token', {
      body: { grant_type: 'client_credentials', client_id: 'id-1', client_secret: 'secret-1' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token_type: 'Bearer', expires_in: 60, rest_instance_url: sandbox.url });
    expect(answer.body.access_token).toEqual(expect.any(String));
  });

  it('refuses wrong credentials with invalid_client and other grants with unsupported_grant_type', async () => {
    const wrong = await call(sandbox, 'POST', '/v2/token', {
      body: { grant_type: 'client_credentials', client_id: 'id-1', client_secret: 'nope' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: 'invalid_client' });
    const grant = await call(sandbox, 'POST', '/v2/token', { body: { grant_type: 'password' } });
    expect(grant.status).toBe(400);
    expect(grant.body.error).toBe('unsupported_grant_type');
  });

  it('answers REST calls without a valid token with the documented 401 body', async () => {
    const notAuthorized = { documentation: '', errorcode: 0, message: 'Not Authorized' };
    for (const auth of [undefined, 'made-up-token']) {
      const answer = await call(sandbox, 'GET', '/messaging/v1/email/definitions', { auth });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual(notAuthorized);
    }
  });

  it('expires tokens after their lifetime and on expireTokens()', async () => {
    const token = await sfmcToken(sandbox);
    expect((await call(sandbox, 'GET', '/messaging/v1/email/definitions', { auth: token })).status).toBe(200);
    clock += 60_000;
    expect((await call(sandbox, 'GET', '/messaging/v1/email/definitions', { auth: token })).status).toBe(401);

    const fresh = await sfmcToken(sandbox);
    sandbox.expireTokens();
    expect((await call(sandbox, 'GET', '/messaging/v1/email/definitions', { auth: fresh })).status).toBe(401);
    const again = await sfmcToken(sandbox);
    expect((await call(sandbox, 'GET', '/messaging/v1/email/definitions', { auth: again })).status).toBe(200);
  });
});
