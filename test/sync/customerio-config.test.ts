import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/usage-error.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { customerioSettings, customerioTarget } from '../../src/sync/customerio/index.js';
import { executePlan } from '../../src/sync/index.js';
import {
  connect,
  copyExamples,
  exampleSeeds,
  exampleTargets,
  exampleTranslations,
  fastRetry,
  openWorkspace,
  sandboxEnv,
  syncContext,
} from './customerio-fixtures.js';

function usageErrorOf(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('Customer.io configuration', () => {
  it('names both key variables when neither is set', async () => {
    const error = usageErrorOf(() => customerioSettings({}));
    expect(error.message).toContain('CUSTOMERIO_APP_API_KEY');
    expect(error.message).toContain('CUSTOMERIO_TRANSACTIONAL_API_KEY');
    const workspace = await openWorkspace(await copyExamples());
    await expect(customerioTarget.connect(syncContext(workspace, {}))).rejects.toBeInstanceOf(UsageError);
  });

  it('uses the US host by default and the EU host for CUSTOMERIO_REGION=eu', () => {
    const key = { CUSTOMERIO_APP_API_KEY: 'k-1234' };
    expect(customerioSettings(key).baseUrl).toBe('https://api.customer.io/');
    expect(customerioSettings({ ...key, CUSTOMERIO_REGION: 'us' }).baseUrl).toBe('https://api.customer.io/');
    expect(customerioSettings({ ...key, CUSTOMERIO_REGION: 'EU' }).baseUrl).toBe('https://api-eu.customer.io/');
    expect(usageErrorOf(() => customerioSettings({ ...key, CUSTOMERIO_REGION: 'de' })).message).toContain('CUSTOMERIO_REGION');
  });

  it('lets CUSTOMERIO_API_URL point elsewhere, with or without /v1', () => {
    const key = { CUSTOMERIO_TRANSACTIONAL_API_KEY: 'k-1234', CUSTOMERIO_REGION: 'eu' };
    expect(customerioSettings({ ...key, CUSTOMERIO_API_URL: 'http://127.0.0.1:4010' }).baseUrl).toBe('http://127.0.0.1:4010/');
    expect(customerioSettings({ ...key, CUSTOMERIO_API_URL: 'https://proxy.example.com/cio/v1/' }).baseUrl).toBe('https://proxy.example.com/cio/');
    expect(usageErrorOf(() => customerioSettings({ ...key, CUSTOMERIO_API_URL: 'not a url' })).message).toContain('CUSTOMERIO_API_URL');
  });
});

describe('Customer.io secrets', () => {
  let sandbox: Sandbox | undefined;
  afterEach(() => sandbox?.close());

  it('says which key Customer.io refused, without printing it', async () => {
    sandbox = await startSandbox();
    sandbox.seed({ customerio: { messages: await exampleSeeds() } });
    const workspace = await openWorkspace(await copyExamples());
    const wrongKey = 'wrong-app-key-5f2a9c';
    const connection = await connect(workspace, sandboxEnv(sandbox, { CUSTOMERIO_APP_API_KEY: wrongKey }));
    const error: unknown = await connection.plan(workspace.messages).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain('CUSTOMERIO_APP_API_KEY');
    expect((error as Error).message).not.toContain(wrongKey);
  });

  it('keeps keys out of failed steps and send outcomes, even when the server echoes them', async () => {
    sandbox = await startSandbox({ customerio: { appApiKey: 'app-key-7d1e0b', transactionalApiKey: 'tx-key-93c4aa' } });
    sandbox.seed({ customerio: { messages: await exampleSeeds() } });
    const workspace = await openWorkspace(await copyExamples());
    const targets = await exampleTargets();
    const connection = await connect(workspace, sandboxEnv(sandbox), { retry: { ...fastRetry, maxRetries: 1 } });
    const plan = await connection.plan(workspace.messages);
    sandbox.setFaults({ serverErrorEvery: 1, platform: 'customerio' });
    const report = await executePlan(plan);
    sandbox.setFaults({});
    // A misconfigured proxy URL that holds the key: the emulator's 404 names the path it got.
    const leaky = await connect(workspace, sandboxEnv(sandbox, { CUSTOMERIO_API_URL: `${sandbox.url}app-key-7d1e0b/` }));
    const email = workspace.messages.find((message) => message.id === targets.find((target) => target.channel === 'email')!.message)!;
    const sent = await leaky.send({ message: email, sample: email.samples[0]!, channel: 'email', to: 'qa@example.com' });

    // One step per target and translated language.
    expect(report.results.map((result) => result.status)).toEqual([...targets, ...(await exampleTranslations())].map(() => 'failed'));
    expect(sent).toMatchObject({ status: 'not-sent', detail: expect.stringContaining('No route for POST /***/v1/send/email') });
    const printed = JSON.stringify([report.results.map((result) => [result.reason, result.error?.message, result.error?.details]), sent]);
    expect(printed).toContain('500');
    expect(printed).not.toContain('app-key-7d1e0b');
    expect(printed).not.toContain('tx-key-93c4aa');
  });
});
