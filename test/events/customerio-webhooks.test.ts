import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyCustomerioWebhookSignature } from '../../src/index.js';
import { customerioSeedFor, reportingWebhookFromConfig } from '../../src/sandbox/index.js';
import { loadEnvironment } from '../../src/sync/secrets.js';
import { loadConfig } from '../../src/workspace/index.js';
import { runCli } from '../helpers/run-cli.js';
import { useSandboxes } from '../helpers/sandboxes.js';
import { useWebhookReceivers, type ReceivedRequest } from '../helpers/webhook-receiver.js';
import { copyExamples, openWorkspace, removeProjects } from '../sync/sfmc-fixtures.js';

afterAll(removeProjects);
const startSandbox = useSandboxes();
const startReceiver = useWebhookReceivers();
const SIGNING_KEY = 'whsec-test-3f9a1c';

/** Customer.io's documented scheme, computed by OpenSSL: hex HMAC-SHA256 of `v0:<timestamp>:<body>`. */
const opensslSignature = (timestamp: string, body: string, key = SIGNING_KEY) =>
  execFileSync('openssl', ['dgst', '-sha256', '-hmac', key, '-hex', '-r'], { input: `v0:${timestamp}:${body}` })
    .toString()
    .split(' ')[0];

async function projectWithWebhook(url: string, events: string[]): Promise<string> {
  const root = await copyExamples();
  await writeFile(
    path.join(root, 'txkit.config.yaml'),
    `targets:\n  customerio:\n    reportingWebhook:\n      url: ${url}\n      events: [${events.join(', ')}]\n`,
  );
  await writeFile(path.join(root, '.env'), `CUSTOMERIO_WEBHOOK_SIGNING_KEY=${SIGNING_KEY}\n`);
  return root;
}

describe('Customer.io reporting webhooks from the sandbox', () => {
  it('delivers signed sent and delivered events for a transactional send, in order', async () => {
    const receiver = await startReceiver();
    const root = await projectWithWebhook(receiver.url, ['sent', 'delivered', 'failed']);
    const { config } = await loadConfig(root);
    const reportingWebhook = reportingWebhookFromConfig(config, loadEnvironment(root, {}))!;
    const sandbox = await startSandbox({ sendProcessingMs: 0, events: { retryDelaysMs: [10, 20, 40] }, customerio: { reportingWebhook } });
    sandbox.seed(customerioSeedFor((await openWorkspace(root)).messages));
    const env = {
      CUSTOMERIO_API_URL: sandbox.url,
      CUSTOMERIO_APP_API_KEY: sandbox.options.customerio.appApiKey,
      CUSTOMERIO_TRANSACTIONAL_API_KEY: sandbox.options.customerio.transactionalApiKey,
    };
    expect((await runCli(['push', '--target', 'customerio', '--yes'], { cwd: root, env })).code).toBe(0);
    const sent = await runCli(['send', 'order-confirmation', '--target', 'customerio', '--channel', 'email', '--to', 'ada@example.com'], { cwd: root, env });
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);

    const requests = await receiver.waitFor((all) => all.length === 2);
    const events = requests.map(
      (request) => JSON.parse(request.body) as { metric: string; object_type: string; data: { delivery_id: string; recipient: string } },
    );
    expect(events.map((event) => `${event.object_type} ${event.metric}`)).toEqual(['email sent', 'email delivered']);
    expect(events[0]!.data).toMatchObject({ delivery_id: sandbox.state.customerio.deliveries[0]!.delivery_id, recipient: 'ada@example.com' });

    for (const request of requests) {
      const { signature, timestamp } = headersOf(request);
      expect(signature).toBe(opensslSignature(timestamp, request.body));
      expect(verifyCustomerioWebhookSignature({ body: request.body, signature, timestamp, signingKey: SIGNING_KEY })).toBe(true);
      expect(verifyCustomerioWebhookSignature({ body: request.body.replace('ada@', 'eve@'), signature, timestamp, signingKey: SIGNING_KEY })).toBe(false);
      expect(verifyCustomerioWebhookSignature({ body: request.body, signature, timestamp, signingKey: 'another-key' })).toBe(false);
      // Ten minutes later the same request is a replay.
      expect(
        verifyCustomerioWebhookSignature({ body: request.body, signature, timestamp, signingKey: SIGNING_KEY, now: (Number(timestamp) + 600) * 1000 }),
      ).toBe(false);
    }
  });

  it('reports only the metrics the webhook asks for, and a bounce for an undeliverable address', async () => {
    const receiver = await startReceiver();
    const sandbox = await startSandbox({
      sendProcessingMs: 0,
      customerio: { reportingWebhook: { url: receiver.url, events: ['bounced'], signingKey: SIGNING_KEY } },
    });
    const send = (to: string) =>
      fetch(`${sandbox.url}v1/send/email`, {
        method: 'POST',
        headers: { authorization: `Bearer ${sandbox.options.customerio.transactionalApiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ identifiers: { id: 'ada' }, to, from: 'shop@example.com', subject: 'Hi', body: '<p>Hi</p>' }),
      });
    expect((await send('ada@example.com')).status).toBe(200);
    expect((await send('nobody@example.invalid')).status).toBe(200);
    await sandbox.events.idle();
    expect(receiver.requests.map((request) => JSON.parse(request.body).metric)).toEqual(['bounced']);
  });

  it('refuses a configured webhook without its signing key: txkit sandbox exits 2 with one line', async () => {
    const root = await projectWithWebhook('http://127.0.0.1:9/hooks', ['sent']);
    const { config } = await loadConfig(root);
    expect(() => reportingWebhookFromConfig(config, {})).toThrow(/CUSTOMERIO_WEBHOOK_SIGNING_KEY/);
    await writeFile(path.join(root, '.env'), '');
    const result = await runCli(['sandbox', '--port', '0'], { cwd: root, env: { CUSTOMERIO_WEBHOOK_SIGNING_KEY: undefined } });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('targets.customerio.reportingWebhook needs its signing key in CUSTOMERIO_WEBHOOK_SIGNING_KEY');
  });
});

function headersOf(request: ReceivedRequest): { signature: string; timestamp: string } {
  return { signature: String(request.headers['x-cio-signature']), timestamp: String(request.headers['x-cio-timestamp']) };
}
