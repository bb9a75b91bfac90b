import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { verifySfmcEnsSignature } from '../../src/index.js';
import type { Sandbox } from '../../src/sandbox/index.js';
import { runCli } from '../helpers/run-cli.js';
import { useSandboxes } from '../helpers/sandboxes.js';
import { call, sfmcToken, type Answer } from '../sandbox/http.js';
import { useWebhookReceivers, type ReceivedRequest, type WebhookReceiver } from '../helpers/webhook-receiver.js';
import { copyExamples, editFile, removeProjects, sandboxEnv, writesSince } from '../sync/sfmc-fixtures.js';

afterAll(removeProjects);
const startSandbox = useSandboxes();
const startReceiver = useWebhookReceivers();

const sfmc = async (sandbox: Sandbox, method: string, route: string, body?: unknown): Promise<Answer> =>
  call(sandbox, method, `/${route}`, { auth: await sfmcToken(sandbox), body });

/** The application's endpoint: it answers ENS's verification POST by echoing the key to ens-verify, as the docs describe. */
async function applicationEndpoint(sandbox: Sandbox, failFirst = 0): Promise<WebhookReceiver> {
  let failures = 0;
  return startReceiver(async (request) => {
    if (request.headers['x-sfmc-ens-signature'] === undefined) {
      const verification = JSON.parse(request.body) as { callbackId: string; verificationKey: string };
      expect((await sfmc(sandbox, 'POST', 'platform/v1/ens-verify', verification)).status).toBe(200);
      return 200;
    }
    return failures++ < failFirst ? 500 : 200;
  });
}

const addEvents = (url: string, events: string[]) => (text: string) =>
  text.replace(/^ {2}sfmc:\n/m, `  sfmc:\n    events:\n      url: ${url}\n      events: [${events.join(', ')}]\n`);

async function eventProject(sandbox: Sandbox, receiver: WebhookReceiver): Promise<string> {
  const root = await copyExamples();
  await editFile(path.join(root, 'templates/password-reset/message.yaml'), addEvents(receiver.url, ['EmailSent', 'EmailNotSent']));
  await editFile(path.join(root, 'templates/order-confirmation/message.yaml'), addEvents(receiver.url, ['SmsSent', 'SmsDelivered']));
  return root;
}

const signed = (requests: ReceivedRequest[]) => requests.filter((request) => request.headers['x-sfmc-ens-signature'] !== undefined);
const eventsOf = (requests: ReceivedRequest[]) =>
  signed(requests).flatMap(
    (request) => JSON.parse(request.body) as { eventCategoryType: string; definitionKey: string; info: { messageKey: string; to: string } }[],
  );

async function sendBoth(sandbox: Sandbox, to = 'ada@example.com'): Promise<void> {
  const email = await sfmc(sandbox, 'POST', 'messaging/v1/email/messages/msg-email-1', {
    definitionKey: 'password-reset',
    recipient: { contactKey: 'ada', to },
  });
  const sms = await sfmc(sandbox, 'POST', 'messaging/v1/sms/messages/msg-sms-1', {
    definitionKey: 'order-confirmation-sms',
    recipient: { contactKey: 'ada', to: '15551234567' },
  });
  expect([email.status, sms.status]).toEqual([202, 202]);
}

describe('SFMC event notifications through txkit push and the sandbox', () => {
  it('registers and verifies the callback, subscribes both definitions, and delivers signed events; a re-push writes nothing', async () => {
    const sandbox = await startSandbox({ sendProcessingMs: 0, events: { batchWindowMs: 20, retryDelaysMs: [10, 20, 40] } });
    const receiver = await applicationEndpoint(sandbox);
    const root = await eventProject(sandbox, receiver);
    const env = sandboxEnv(sandbox);

    const pushed = await runCli(['push', '--target', 'sfmc', '--yes'], { cwd: root, env });
    expect(pushed.stderr).toBe('');
    expect(pushed.code).toBe(0);
    // The verification POST: the callback id and a single-use key, unsigned (ens-verify route docs).
    const [verification] = receiver.requests;
    expect(Object.keys(JSON.parse(verification!.body)).sort()).toEqual(['callbackId', 'verificationKey']);
    const [callback] = sandbox.state.sfmc.ens.callbacks.values();
    expect(callback).toMatchObject({ url: receiver.url, status: 'verified' });
    const subscriptions = [...sandbox.state.sfmc.ens.subscriptions.values()].map(({ subscriptionName, eventCategoryTypes, filters }) => ({
      subscriptionName,
      eventCategoryTypes,
      filters,
    }));
    expect(subscriptions.sort((a, b) => a.subscriptionName.localeCompare(b.subscriptionName))).toEqual([
      {
        subscriptionName: 'txkit-order-confirmation-sms',
        eventCategoryTypes: ['TransactionalSendEvents.SmsDelivered', 'TransactionalSendEvents.SmsSent'],
        filters: ['definitionKey=order-confirmation-sms'],
      },
      // The French SMS (sms.fr.txt) is its own definition, with its own subscription.
      {
        subscriptionName: 'txkit-order-confirmation-sms-fr',
        eventCategoryTypes: ['TransactionalSendEvents.SmsDelivered', 'TransactionalSendEvents.SmsSent'],
        filters: ['definitionKey=order-confirmation-sms-fr'],
      },
      {
        subscriptionName: 'txkit-password-reset',
        eventCategoryTypes: ['TransactionalSendEvents.EmailNotSent', 'TransactionalSendEvents.EmailSent'],
        filters: ['definitionKey=password-reset'],
      },
    ]);
    // The key SFMC shows once is kept in the project's .env, never printed.
    const signatureKey = parseEnv(await readFile(path.join(root, '.env'), 'utf8')).SFMC_ENS_SIGNATURE_KEY!;
    expect(signatureKey).toBe(callback!.signatureKey);
    expect(pushed.stdout).not.toContain(signatureKey);

    await sendBoth(sandbox);
    await receiver.waitFor((requests) => eventsOf(requests).length === 3);
    const events = eventsOf(receiver.requests);
    expect(events.map((event) => event.eventCategoryType).sort()).toEqual([
      'TransactionalSendEvents.EmailSent',
      'TransactionalSendEvents.SmsDelivered',
      'TransactionalSendEvents.SmsSent',
    ]);
    expect(events.find((event) => event.eventCategoryType.endsWith('EmailSent'))).toMatchObject({
      definitionKey: 'password-reset',
      info: { messageKey: 'msg-email-1', to: 'ada@example.com' },
    });

    for (const request of signed(receiver.requests)) {
      const signature = request.headers['x-sfmc-ens-signature'] as string;
      // Independent of txkit's code: OpenSSL's HMAC-SHA256 of the body bytes, base64 (ens-notification-signing).
      expect(signature).toBe(execFileSync('openssl', ['dgst', '-sha256', '-hmac', signatureKey, '-binary'], { input: request.body }).toString('base64'));
      expect(verifySfmcEnsSignature({ body: request.body, signature, signatureKey })).toBe(true);
      expect(verifySfmcEnsSignature({ body: request.body.replace('"to":"', '"to":"1'), signature, signatureKey })).toBe(false);
      expect(verifySfmcEnsSignature({ body: request.body, signature, signatureKey: `${signatureKey}x` })).toBe(false);
    }

    const before = sandbox.requests.length;
    const again = await runCli(['push', '--target', 'sfmc', '--yes'], { cwd: root, env });
    expect(again.code).toBe(0);
    expect(writesSince(sandbox, before)).toEqual([]);
    const diff = await runCli(['diff', '--target', 'sfmc'], { cwd: root, env });
    expect(diff.stdout).toMatch(/0 to create, 0 to update/);
  });

  it('shows the callback and subscriptions in txkit diff before the first push', async () => {
    const sandbox = await startSandbox();
    const receiver = await applicationEndpoint(sandbox);
    const root = await eventProject(sandbox, receiver);
    const diff = await runCli(['diff', '--target', 'sfmc'], { cwd: root, env: sandboxEnv(sandbox) });
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain(`ens-callback ${receiver.url}`);
    expect(diff.stdout).toContain('ens-subscription txkit-password-reset');
    expect(receiver.requests).toEqual([]);
  });

  it('retries a failing callback with backoff (at least once) and gives up after 3 retries', async () => {
    const sandbox = await startSandbox({ sendProcessingMs: 0, events: { batchWindowMs: 20, retryDelaysMs: [10, 20, 40] } });
    const receiver = await applicationEndpoint(sandbox, 2);
    const root = await eventProject(sandbox, receiver);
    expect((await runCli(['push', '--target', 'sfmc', '--yes'], { cwd: root, env: sandboxEnv(sandbox) })).code).toBe(0);
    const email = await sfmc(sandbox, 'POST', 'messaging/v1/email/messages/retry-1', {
      definitionKey: 'password-reset',
      recipient: { contactKey: 'ada', to: 'ada@example.com' },
    });
    expect(email.status).toBe(202);
    await sandbox.events.idle();
    // Two 500s, then the same signed batch again, accepted.
    expect(signed(receiver.requests).map((request) => request.body)).toEqual(Array(3).fill(signed(receiver.requests)[0]!.body));

    const down = await startSandbox({ sendProcessingMs: 0, events: { batchWindowMs: 20, retryDelaysMs: [10, 20, 40] } });
    const broken = await applicationEndpoint(down, Infinity);
    const brokenRoot = await eventProject(down, broken);
    expect((await runCli(['push', '--target', 'sfmc', '--yes'], { cwd: brokenRoot, env: sandboxEnv(down) })).code).toBe(0);
    await sfmc(down, 'POST', 'messaging/v1/email/messages/retry-2', {
      definitionKey: 'password-reset',
      recipient: { contactKey: 'ada', to: 'ada@example.com' },
    });
    await down.events.idle();
    expect(signed(broken.requests)).toHaveLength(4);
  });

  it('refuses a callback whose endpoint does not answer the verification POST with 200', async () => {
    const sandbox = await startSandbox();
    const receiver = await startReceiver(() => 404);
    const response = await sfmc(sandbox, 'POST', 'platform/v1/ens-callbacks', [{ callbackName: 'down', url: receiver.url }]);
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('probeCallbackLiveness');
    expect(sandbox.state.sfmc.ens.callbacks.size).toBe(0);
  });
});

describe('the sandbox ENS routes, as documented', () => {
  it('verifies only with the right key, subscribes only verified callbacks, and refuses bad input', async () => {
    const sandbox = await startSandbox();
    const receiver = await startReceiver();
    const created = await sfmc(sandbox, 'POST', 'platform/v1/ens-callbacks', [{ callbackName: 'app', url: receiver.url, maxBatchSize: 100 }]);
    expect(created.status).toBe(201);
    const { callbackId, signatureKey } = (created.body as { callbackId: string; signatureKey: string }[])[0]!;
    expect(signatureKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const { verificationKey } = JSON.parse(receiver.requests[0]!.body) as { verificationKey: string };
    // Reads never show the keys.
    expect((await sfmc(sandbox, 'GET', 'platform/v1/ens-callbacks')).body).toEqual([
      { callbackId, callbackName: 'app', url: receiver.url, maxBatchSize: 100, status: 'unverified', statusReason: 'Awaiting verification' },
    ]);

    const subscription = { callbackId, subscriptionName: 'sub', eventCategoryTypes: ['TransactionalSendEvents.EmailSent'], filters: ['definitionKey=welcome'] };
    expect((await sfmc(sandbox, 'POST', 'platform/v1/ens-subscriptions', subscription)).status).toBe(400);
    expect((await sfmc(sandbox, 'POST', 'platform/v1/ens-verify', { callbackId, verificationKey: 'guess' })).status).toBe(404);
    expect((await sfmc(sandbox, 'POST', 'platform/v1/ens-verify', { callbackId, verificationKey })).status).toBe(200);
    expect((await sfmc(sandbox, 'POST', 'platform/v1/ens-subscriptions', subscription)).body).toMatchObject({
      ...subscription,
      status: 'active',
      callbackName: 'app',
    });
    expect((await sfmc(sandbox, 'POST', 'platform/v1/ens-subscriptions', subscription)).status).toBe(400); // the name is taken
    expect(
      (
        await sfmc(sandbox, 'POST', 'platform/v1/ens-subscriptions', {
          ...subscription,
          subscriptionName: 'other',
          eventCategoryTypes: ['TransactionalSendEvents.EmailOpened'],
        })
      ).status,
    ).toBe(400);
    expect((await sfmc(sandbox, 'POST', 'platform/v1/ens-callbacks', [{ callbackName: 'again', url: receiver.url }])).status).toBe(400); // URL already registered
    expect((await sfmc(sandbox, 'POST', 'platform/v1/ens-callbacks', [{ callbackName: 'big', url: `${receiver.url}/b`, maxBatchSize: 5000 }])).status).toBe(
      400,
    );
    expect((await sfmc(sandbox, 'POST', 'platform/v1/ens-callbacks', [{ callbackName: 'plain', url: 'http://hooks.example.com/x' }])).status).toBe(400); // https only
  });

  it('reports email events on a message that publishes only SMS to SFMC, at the events list', async () => {
    const sandbox = await startSandbox();
    const receiver = await startReceiver();
    const root = await copyExamples();
    await editFile(path.join(root, 'templates/order-confirmation/message.yaml'), addEvents(receiver.url, ['EmailSent', 'SmsSent']));
    const diff = await runCli(['diff', '--target', 'sfmc'], { cwd: root, env: sandboxEnv(sandbox) });
    expect(diff.code).toBe(1);
    expect(diff.stderr + diff.stdout).toMatch(/order-confirmation\/message\.yaml\n\s+\d+:\d+\s+error\s+events EmailSent need an SFMC email definition/);
    expect(diff.stdout).toContain('ens-subscription txkit-order-confirmation-sms');
  });

  it('reports an existing callback that was never verified as a diagnostic on events.url', async () => {
    const sandbox = await startSandbox();
    const receiver = await startReceiver();
    const root = await eventProject(sandbox, receiver);
    // Created by hand; nobody echoed the verification key.
    expect((await sfmc(sandbox, 'POST', 'platform/v1/ens-callbacks', [{ callbackName: 'by hand', url: receiver.url }])).status).toBe(201);
    const diff = await runCli(['diff', '--target', 'sfmc'], { cwd: root, env: sandboxEnv(sandbox) });
    expect(diff.code).toBe(1);
    expect(diff.stderr + diff.stdout).toMatch(
      /order-confirmation\/message\.yaml\n\s+\d+:\d+\s+error\s+the SFMC event callback \S+ \(\S+\) exists but was never verified/,
    );
  });
});

describe('ENS batches', () => {
  it("gathers a callback's events into arrays of at most its maxBatchSize", async () => {
    const sandbox = await startSandbox({ sendProcessingMs: 0, events: { batchWindowMs: 60_000, retryDelaysMs: [] } });
    const receiver = await applicationEndpoint(sandbox);
    const root = await eventProject(sandbox, receiver);
    expect((await runCli(['push', '--target', 'sfmc', '--yes'], { cwd: root, env: sandboxEnv(sandbox) })).code).toBe(0);
    const [callback] = sandbox.state.sfmc.ens.callbacks.values();
    expect(
      (await sfmc(sandbox, 'PUT', 'platform/v1/ens-callbacks', [{ callbackId: callback!.callbackId, callbackName: 'app', maxBatchSize: 100 }])).status,
    ).toBe(200);

    const auth = await sfmcToken(sandbox);
    for (let index = 0; index < 150; index++) {
      const answer = await call(sandbox, 'POST', `/messaging/v1/email/messages/batch-${index}`, {
        auth,
        body: { definitionKey: 'password-reset', recipient: { contactKey: `c${index}`, to: `c${index}@example.com` } },
      });
      expect(answer.status).toBe(202);
    }
    await sandbox.events.idle();
    const batches = signed(receiver.requests).map((request) =>
      (JSON.parse(request.body) as { info: { messageKey: string } }[]).map((event) => event.info.messageKey),
    );
    expect(batches.map((batch) => batch.length)).toEqual([100, 50]);
    expect(batches.flat()).toEqual(Array.from({ length: 150 }, (_, index) => `batch-${index}`));
  });
});
