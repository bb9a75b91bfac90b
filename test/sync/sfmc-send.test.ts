import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import type { SyncConnection } from '../../src/sync/index.js';
import type { Message, Workspace } from '../../src/workspace/index.js';
import { connect, copyExamples, examples, openWorkspace, push, removeProjects } from './sfmc-fixtures.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('SFMC test send', () => {
  let sandbox: Sandbox;
  let workspace: Workspace;
  let connection: SyncConnection;

  beforeAll(async () => {
    sandbox = await startSandbox({ sendProcessingMs: 50 });
    workspace = await openWorkspace(await copyExamples());
    connection = await connect(workspace, sandbox);
    expect((await push(connection, workspace)).report.failed).toEqual([]);
  });
  afterAll(async () => {
    await sandbox.close();
    await removeProjects();
  });

  const message = (id: string): Message => workspace.messages.find((candidate) => candidate.id === id)!;
  const sample = (id: string, name: string) => message(id).samples.find((candidate) => candidate.name === name)!;

  it('posts one message with a fresh messageKey and the sample flattened to string attributes, then polls until sent', async () => {
    const from = sandbox.requests.length;
    const outcome = await connection.send({ message: message('password-reset'), sample: sample('password-reset', 'standard'), channel: 'email', to: 'zoe@example.com' });

    expect(outcome).toMatchObject({ status: 'sent', id: expect.stringMatching(uuid) });
    const log = sandbox.requests.slice(from);
    const sends = log.filter((request) => request.kind === 'send');
    expect(sends.map((request) => request.path)).toEqual([`/messaging/v1/email/messages/${outcome.id}`]);
    const data = JSON.parse(await readFile(path.join(examples, 'password-reset', 'samples', 'standard.json'), 'utf8'));
    const expected = Object.fromEntries(Object.entries({ ...data.customer, ...data.trigger }).map(([key, value]) => [key, String(value)]));
    expect(sends[0]!.body).toEqual({ definitionKey: 'password-reset', recipient: { contactKey: 'zoe@example.com', to: 'zoe@example.com', attributes: expected } });
    const polls = log.filter((request) => request.method === 'GET' && request.path === `/messaging/v1/email/messages/${outcome.id}`);
    expect(polls.length).toBeGreaterThanOrEqual(1);
  });

  it('uses a new messageKey for every send', async () => {
    const request = { message: message('shipping-update'), sample: sample('shipping-update', 'standard'), channel: 'sms' as const, to: '+14155552671' };
    const [first, second] = [await connection.send(request), await connection.send(request)];
    expect(first.status).toBe('sent');
    expect(second.status).toBe('sent');
    expect(first.id).not.toBe(second.id);
    expect(sandbox.state.sfmc.messages.get(first.id)!.recipient).toMatchObject({ to: '14155552671', attributes: { carrier: 'UPS', eta: 'Thursday' } });
  });

  it('reports not sent with SFMC\'s reason when the address is refused (109121)', async () => {
    const outcome = await connection.send({ message: message('shipping-update'), sample: sample('shipping-update', 'standard'), channel: 'sms', to: '+1' });
    expect(outcome).toMatchObject({ status: 'not-sent', detail: expect.stringContaining('InvalidValue_to') });
  });

  it('refuses a channel the message does not publish to SFMC', async () => {
    await expect(connection.send({ message: message('order-confirmation'), sample: sample('order-confirmation', 'standard'), channel: 'email', to: 'ada@example.com' })).rejects.toThrow(
      /does not publish its email to SFMC/,
    );
  });

  it('stops polling at the timeout and reports the message as queued', async () => {
    const slow = await startSandbox({ sendProcessingMs: 60_000 });
    try {
      const slowConnection = await connect(workspace, slow);
      await push(slowConnection, workspace);
      const outcome = await slowConnection.send({ message: message('password-reset'), sample: sample('password-reset', 'standard'), channel: 'email', to: 'zoe@example.com', timeoutMs: 150 });
      expect(outcome).toMatchObject({ status: 'queued', detail: expect.stringContaining('EmailQueued') });
    } finally {
      await slow.close();
    }
  });
});
