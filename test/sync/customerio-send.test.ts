import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/usage-error.js';
import { PlatformError } from '../../src/sync/index.js';
import type { Message, Workspace } from '../../src/workspace/index.js';
import { useSandboxes } from '../helpers/sandboxes.js';
import { connect, copyExamples, exampleSeeds, examples, exampleTargets, openWorkspace, sandboxEnv } from './customerio-fixtures.js';

describe('Customer.io test send', () => {
  // Read-only: no test edits the workspace, so one copy serves them all.
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await openWorkspace(await copyExamples());
  });

  // Tests change the remote state (contents, faults) and read the last delivery: each gets its own emulator.
  const startSandbox = useSandboxes();
  async function seededSandbox() {
    const sandbox = await startSandbox({ customerio: { appApiKey: 'app-key-for-content', transactionalApiKey: 'tx-key-for-sends' } });
    sandbox.seed({ customerio: { messages: await exampleSeeds() } });
    return sandbox;
  }

  const message = (id: string): Message => workspace.messages.find((candidate) => candidate.id === id)!;
  const sampleJson = async (messageId: string, sample: string) =>
    JSON.parse(await readFile(path.join(examples, messageId, 'samples', `${sample}.json`), 'utf8'));

  /** An example message with a target on this channel whose standard sample identifies the customer. */
  async function exampleFor(channel: 'email' | 'sms') {
    for (const target of await exampleTargets()) {
      if (target.channel !== channel) continue;
      const json = await sampleJson(target.message, 'standard');
      if (json.customer.id !== undefined || json.customer.email !== undefined) return { ...target, json };
    }
    throw new Error(`no example ${channel} target with an identified standard sample`);
  }

  it('sends an email with the sample as message_data and returns the delivery id', async () => {
    const sandbox = await seededSandbox();
    const { message: id, transactionalId, json } = await exampleFor('email');
    const connection = await connect(workspace, sandboxEnv(sandbox));
    const sample = message(id).samples.find((candidate) => candidate.name === 'standard')!;
    const outcome = await connection.send({ message: message(id), sample, channel: 'email', to: 'qa@example.com' });

    const delivery = sandbox.state.customerio.deliveries.at(-1)!;
    expect(outcome).toEqual({ status: 'queued', id: delivery.delivery_id });
    expect(delivery.channel).toBe('email');
    expect(delivery.request).toEqual({
      transactional_message_id: transactionalId,
      identifiers: json.customer.id !== undefined ? { id: json.customer.id } : { email: json.customer.email },
      to: 'qa@example.com',
      message_data: json.trigger,
    });
  });

  it('sends an SMS with the transactional key alone (no App API key needed)', async () => {
    const sandbox = await seededSandbox();
    const { message: id, transactionalId, json } = await exampleFor('sms');
    const { CUSTOMERIO_APP_API_KEY: _appKey, ...env } = sandboxEnv(sandbox);
    const connection = await connect(workspace, env);
    const sample = message(id).samples.find((candidate) => candidate.name === 'standard')!;
    const outcome = await connection.send({ message: message(id), sample, channel: 'sms', to: '+14155552671' });

    const delivery = sandbox.state.customerio.deliveries.at(-1)!;
    expect(outcome).toEqual({ status: 'queued', id: delivery.delivery_id });
    expect(delivery).toMatchObject({ channel: 'sms', request: { transactional_message_id: transactionalId, to: '+14155552671', message_data: json.trigger } });
    // Reading content needs the App API key, and says which variable is missing.
    await expect(connection.plan(workspace.messages)).rejects.toThrow(/CUSTOMERIO_APP_API_KEY/);
  });

  it('does not send an SMS for a sample that identifies nobody', async () => {
    const sandbox = await seededSandbox();
    const connection = await connect(workspace, sandboxEnv(sandbox));
    const sms = message('shipping-update');
    const anonymous = { ...sms.samples[0]!, data: { customer: { phone: '+14155552671' }, trigger: {} } };
    const before = sandbox.requests.length;
    const outcome = await connection.send({ message: sms, sample: anonymous, channel: 'sms', to: '+14155552671' });
    expect(outcome.status).toBe('not-sent');
    expect(outcome.detail).toMatch(/customer\.id nor customer\.email/);
    expect(sandbox.requests.length).toBe(before);
  });

  it('reports the platform refusing a send as not sent, with its reason', async () => {
    const sandbox = await seededSandbox();
    const connection = await connect(workspace, sandboxEnv(sandbox));
    const { message: id, transactionalId } = await exampleFor('email');
    sandbox.state.customerio.contents.set(transactionalId, []);
    const outcome = await connection.send({ message: message(id), sample: message(id).samples[0]!, channel: 'email', to: 'qa@example.com' });
    expect(outcome.status).toBe('not-sent');
    expect(outcome.detail).toContain(`no transactional email message ${transactionalId}`);
  });

  it('does not repeat a send the server failed on: whether it went out is unknown', async () => {
    const sandbox = await seededSandbox();
    const connection = await connect(workspace, sandboxEnv(sandbox));
    const { message: id } = await exampleFor('email');
    const before = sandbox.requests.length;
    sandbox.setFaults({ serverErrorEvery: 1, platform: 'customerio' });
    const sending = connection.send({ message: message(id), sample: message(id).samples[0]!, channel: 'email', to: 'qa@example.com' });
    await expect(sending).rejects.toBeInstanceOf(PlatformError);
    sandbox.setFaults({});
    expect(sandbox.requests.slice(before).map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual(['POST /v1/send/email 500']);
  });

  it('refuses a channel the message does not publish to Customer.io', async () => {
    const sandbox = await seededSandbox();
    const connection = await connect(workspace, sandboxEnv(sandbox));
    const smsOnly = message('shipping-update');
    await expect(connection.send({ message: smsOnly, sample: smsOnly.samples[0]!, channel: 'email', to: 'qa@example.com' })).rejects.toBeInstanceOf(UsageError);
  });
});
