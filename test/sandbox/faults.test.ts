import { describe, expect, it } from 'vitest';
import { useSandboxes } from '../helpers/sandboxes.js';
import { call, sfmcToken } from './http.js';

const DEFINITIONS = '/messaging/v1/email/definitions';

describe('sandbox: faults', () => {
  // Faults count requests and tokens expire: each test gets its own emulator, fault-free until it sets some.
  const startSandbox = useSandboxes();
  async function setup() {
    const sandbox = await startSandbox({ rateLimits: { retryAfterSeconds: 0 } });
    const token = await sfmcToken(sandbox);
    const statuses = async (count: number, path = DEFINITIONS) => {
      const seen: number[] = [];
      for (let i = 0; i < count; i++) seen.push((await call(sandbox, 'GET', path, { auth: token })).status);
      return seen;
    };
    return { sandbox, token, statuses };
  }

  it('answers every Nth request with 429, Retry-After and errorcode 50100', async () => {
    const { sandbox, token, statuses } = await setup();
    sandbox.setFaults({ rateLimitEvery: 3 });
    expect(await statuses(6)).toEqual([200, 200, 429, 200, 200, 429]);
    sandbox.setFaults({ rateLimitEvery: 1 });
    const limited = await call(sandbox, 'GET', DEFINITIONS, { auth: token });
    expect(limited.headers.get('retry-after')).toBe('0');
    expect(limited.body).toEqual({ message: 'Rate limit exceeded', errorcode: 50100, retryAfter: 0 });
  });

  it("answers every Nth request with 500, in each platform's body shape", async () => {
    const { sandbox, statuses } = await setup();
    sandbox.setFaults({ serverErrorEvery: 2 });
    expect(await statuses(4)).toEqual([200, 500, 200, 500]);
    const cio = await call(sandbox, 'GET', '/v1/transactional', { auth: sandbox.options.customerio.appApiKey });
    expect(cio.status).toBe(200);
    const failed = await call(sandbox, 'GET', '/v1/transactional', { auth: sandbox.options.customerio.appApiKey });
    expect(failed.status).toBe(500);
    expect(failed.body.meta.error).toEqual(expect.any(String));
  });

  it('resets the connection on every Nth request without answering', async () => {
    const { sandbox, token } = await setup();
    sandbox.setFaults({ resetConnectionEvery: 2 });
    expect((await call(sandbox, 'GET', DEFINITIONS, { auth: token })).status).toBe(200);
    await expect(call(sandbox, 'GET', DEFINITIONS, { auth: token })).rejects.toThrow();
    expect((await call(sandbox, 'GET', DEFINITIONS, { auth: token })).status).toBe(200);
    const reset = sandbox.requests.filter((entry) => entry.fault === 'connection-reset');
    expect(reset).toHaveLength(1);
    expect(reset[0]?.status).toBeNull();
  });

  it('spares the token call unless told otherwise, and can target one platform', async () => {
    const { sandbox, statuses } = await setup();
    sandbox.setFaults({ serverErrorEvery: 1 });
    expect(await sfmcToken(sandbox)).toEqual(expect.any(String));
    sandbox.setFaults({ serverErrorEvery: 1, includeTokenRoute: true });
    expect(await sfmcToken(sandbox)).toBeUndefined();

    sandbox.setFaults({ serverErrorEvery: 1, platform: 'customerio' });
    expect(await statuses(2)).toEqual([200, 200]);
    expect((await call(sandbox, 'GET', '/v1/transactional', { auth: sandbox.options.customerio.appApiKey })).status).toBe(500);
  });

  it('applies the harshest fault when several fall on one request, and restarts counting on change', async () => {
    const { sandbox, statuses } = await setup();
    sandbox.setFaults({ rateLimitEvery: 2, serverErrorEvery: 4 });
    expect(await statuses(4)).toEqual([200, 429, 200, 500]);
    sandbox.setFaults({ rateLimitEvery: 2, serverErrorEvery: 4 });
    expect(await statuses(2)).toEqual([200, 429]);
  });

  it('expires every token at once', async () => {
    const { sandbox, token } = await setup();
    sandbox.expireTokens();
    expect((await call(sandbox, 'GET', DEFINITIONS, { auth: token })).status).toBe(401);
    const fresh = await sfmcToken(sandbox);
    expect((await call(sandbox, 'GET', DEFINITIONS, { auth: fresh })).status).toBe(200);
  });

  it('rejects settings that are not positive integers', async () => {
    const { sandbox } = await setup();
    expect(() => sandbox.setFaults({ rateLimitEvery: 0 })).toThrow(RangeError);
    expect(() => sandbox.setFaults({ serverErrorEvery: 1.5 })).toThrow(RangeError);
  });
});
