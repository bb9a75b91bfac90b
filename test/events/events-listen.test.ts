import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signCustomerioWebhook } from '../../src/index.js';
import buildCli from '../helpers/build-cli.js';
import { spawnDev, type DevProcess } from '../helpers/dev-process.js';
import { runCli } from '../helpers/run-cli.js';
import { useSandboxes } from '../helpers/sandboxes.js';
import { call, sfmcToken } from '../sandbox/http.js';
import { copyExamples, editFile, removeProjects, sandboxEnv } from '../sync/sfmc-fixtures.js';

afterAll(removeProjects);
const startSandbox = useSandboxes();
const listeners: DevProcess[] = [];
afterEach(async () => {
  for (const listener of listeners.splice(0)) {
    listener.child.kill('SIGINT');
    await listener.exited;
  }
});
beforeAll(() => buildCli(), 120_000);

const CIO_KEY = 'cio-listen-key-1234';

async function listen(root: string, env: Record<string, string>): Promise<{ listener: DevProcess; url: string }> {
  const listener = spawnDev(['listen', '--port', '0', '--json'], { cwd: root, env: { ...process.env, ...env }, command: 'events' });
  listeners.push(listener);
  const [, url] = await listener.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+\/)/);
  return { listener, url: url! };
}

describe('txkit events listen', () => {
  it('answers the ENS handshake during txkit push, then prints the signed events it verifies and refuses tampered ones', async () => {
    const sandbox = await startSandbox({ sendProcessingMs: 0, events: { batchWindowMs: 20, retryDelaysMs: [10, 20, 40] } });
    const root = await copyExamples();
    const env = { ...sandboxEnv(sandbox), CUSTOMERIO_WEBHOOK_SIGNING_KEY: CIO_KEY };
    const { listener, url } = await listen(root, env);
    await editFile(path.join(root, 'templates/password-reset/message.yaml'), (text) =>
      text.replace(/^ {2}sfmc:\n/m, `  sfmc:\n    events:\n      url: ${url}ens\n      events: [EmailSent]\n`),
    );

    const pushed = await runCli(['push', '--target', 'sfmc', '--yes'], { cwd: root, env });
    expect(pushed.stderr).toBe('');
    expect(pushed.code).toBe(0);
    await listener.waitFor(/verified the SFMC event callback/);
    expect([...sandbox.state.sfmc.ens.subscriptions.values()].map((subscription) => subscription.subscriptionName)).toEqual(['txkit-password-reset']);

    const send = await call(sandbox, 'POST', '/messaging/v1/email/messages/listen-1', {
      auth: await sfmcToken(sandbox),
      body: { definitionKey: 'password-reset', recipient: { contactKey: 'ada', to: 'ada@example.com' } },
    });
    expect(send.status).toBe(202);
    const [line] = await listener.waitFor(/^\{"platform":"sfmc".*$/m);
    expect(JSON.parse(line)).toMatchObject({
      platform: 'sfmc',
      event: {
        eventCategoryType: 'TransactionalSendEvents.EmailSent',
        definitionKey: 'password-reset',
        info: { messageKey: 'listen-1', to: 'ada@example.com' },
      },
    });

    // A Customer.io event signed with the configured key is printed; a tampered one is refused with 401.
    const body = JSON.stringify({
      event_id: 'E1',
      object_type: 'sms',
      metric: 'delivered',
      timestamp: Math.floor(Date.now() / 1000),
      data: { delivery_id: 'D1', recipient: '+15551234567' },
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const post = (text: string, key: string) =>
      fetch(`${url}cio`, {
        method: 'POST',
        headers: { 'x-cio-timestamp': timestamp, 'x-cio-signature': signCustomerioWebhook(text, timestamp, key) },
        body: text,
      });
    expect((await post(body, CIO_KEY)).status).toBe(200);
    await listener.waitFor(/"platform":"customerio".*"delivery_id":"D1"/);
    expect((await post(body, 'wrong-key')).status).toBe(401);
    await listener.waitFor(/Customer\.io event refused: X-CIO-Signature does not match/);
    const forged = await fetch(`${url}ens`, { method: 'POST', headers: { 'x-sfmc-ens-signature': 'AAAA' }, body: '[]' });
    expect(forged.status).toBe(401);
    await listener.waitFor(/SFMC notification refused: x-sfmc-ens-signature does not match the body/);
    expect(listener.output()).not.toContain(CIO_KEY);
  }, 60_000);

  it('exits 2 with one line when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = (taken.address() as AddressInfo).port;
      const result = await runCli(['events', 'listen', '--port', String(port)], { cwd: await copyExamples() });
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(`cannot listen on 127.0.0.1:${port} (EADDRINUSE)`);
    } finally {
      taken.close();
    }
  });

  it('has --help', async () => {
    const result = await runCli(['events', 'listen', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--port');
    expect(result.stdout).toContain('--json');
  });
});
