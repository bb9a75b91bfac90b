import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import buildCli from '../helpers/build-cli.js';
import { runCli } from '../helpers/run-cli.js';
import { positionOf } from '../helpers/text-position.js';
import {
  copyExamples,
  editFile,
  exampleSeeds,
  exampleTargets,
  exampleTranslations,
  sandboxEnv,
  type ExampleTarget,
  type ExampleTranslation,
} from './customerio-fixtures.js';

/** Variables of the machine running the tests that must not reach the subprocess. */
const clean = {
  CUSTOMERIO_APP_API_KEY: undefined,
  CUSTOMERIO_TRANSACTIONAL_API_KEY: undefined,
  CUSTOMERIO_REGION: undefined,
  CUSTOMERIO_API_URL: undefined,
  NO_COLOR: '1',
  FORCE_COLOR: undefined,
};

describe('txkit diff / push / pull / send --target customerio', () => {
  let sandbox: Sandbox;
  let project: string;
  let targets: ExampleTarget[];
  /** Each is published to its own language variant, one more step and write. */
  let translations: ExampleTranslation[];
  const txkit = (args: string[], env: Record<string, string | undefined> = sandboxEnv(sandbox)) => runCli(args, { cwd: project, env: { ...clean, ...env } });
  // Requests the App API's rate limit turned away (429, then retried) are not writes or reads that happened:
  // successive CLI processes share the sandbox's 10-per-second window.
  const served = (from: number) => sandbox.requests.slice(from).filter((request) => request.status !== 429);
  const writes = (from: number) => served(from).filter((request) => request.write);

  beforeAll(async () => {
    await buildCli();
    targets = await exampleTargets();
    translations = await exampleTranslations();
  });
  // Each test gets its own emulator and its own copy of the examples: a push, pull or edit in one
  // test must not change what another finds.
  beforeEach(async () => {
    sandbox = await startSandbox();
    sandbox.seed({ customerio: { messages: await exampleSeeds() } });
    project = path.dirname(await copyExamples());
  });
  afterEach(async () => {
    await sandbox.close();
    await rm(project, { recursive: true, force: true });
  });

  it('diff prints the plan and writes nothing', async () => {
    const before = sandbox.requests.length;
    const result = await txkit(['diff', '--target', 'customerio']);
    // Only the notes on shipping-update's WhatsApp template (whatsapp-push.test.ts), no error.
    expect(result.stderr).toContain('customerio/whatsapp-reapproval');
    expect(result.stderr).toContain('(0 errors, 1 warning, 1 info)');
    expect(result.code).toBe(0);
    for (const { channel, transactionalId: id } of targets)
      expect(result.stdout).toContain(`~ customerio ${channel}-content ${id}/content/${id * 10} (update)`);
    for (const { channel, transactionalId: id, language } of translations)
      expect(result.stdout).toContain(`~ customerio ${channel}-content ${id}/language/${language} (update)`);
    expect(result.stdout).toContain(`Plan: 0 to create, ${targets.length + translations.length} to update, 0 unchanged.`);
    expect(writes(before)).toEqual([]);
  });

  it('push writes the changes, then a second push finds everything up to date', async () => {
    let before = sandbox.requests.length;
    const first = await txkit(['push', '--target', 'customerio', '--yes']);
    expect(first.code).toBe(0);
    for (const message of new Set(targets.map((target) => target.message))) expect(first.stdout).toContain(`✔ ${message}: published`);
    expect(writes(before)).toHaveLength(targets.length + translations.length);

    before = sandbox.requests.length;
    const second = await txkit(['push', '--target', 'customerio', '--yes']);
    expect(second.code).toBe(0);
    for (const message of new Set(targets.map((target) => target.message))) expect(second.stdout).toContain(`= ${message}: up to date`);
    expect(writes(before)).toEqual([]);
  });

  it('reads the keys from .env in the project root', async () => {
    const env = sandboxEnv(sandbox);
    await writeFile(path.join(project, '.env'), `CUSTOMERIO_APP_API_KEY=${env.CUSTOMERIO_APP_API_KEY}\nCUSTOMERIO_API_URL=${env.CUSTOMERIO_API_URL}\n`);
    const result = await txkit(['diff', '--target', 'customerio'], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Plan: 0 to create');
    expect(served(0)).toHaveLength(targets.length * 2);
  });

  it('sends a test email and prints the delivery id', async () => {
    const email = targets.find((target) => target.channel === 'email')!;
    const result = await txkit(['send', email.message, '--target', 'customerio', '--to', 'qa@example.com', '--sample', 'standard']);
    const delivery = sandbox.state.customerio.deliveries.at(-1)!;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`queued · ${delivery.delivery_id}`);
    expect(delivery.request).toMatchObject({ transactional_message_id: email.transactionalId, to: 'qa@example.com' });
  });

  it('names the missing key variables (exit 2)', async () => {
    const result = await txkit(['diff', '--target', 'customerio'], { CUSTOMERIO_API_URL: sandbox.url });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('CUSTOMERIO_APP_API_KEY');
    expect(result.stderr).toContain('CUSTOMERIO_TRANSACTIONAL_API_KEY');
    expect(result.stderr).not.toContain('    at ');
  });

  it('says which key was refused without printing it (exit 2)', async () => {
    const result = await txkit(['push', '--target', 'customerio', '--yes'], { ...sandboxEnv(sandbox), CUSTOMERIO_APP_API_KEY: 'not-the-key-4b7e' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('CUSTOMERIO_APP_API_KEY');
    expect(result.stdout + result.stderr).not.toContain('not-the-key-4b7e');
  });

  it('reports an id Customer.io does not know at its line in message.yaml (exit 1)', async () => {
    const { message, transactionalId } = targets[0]!;
    const file = path.join(project, 'templates', message, 'message.yaml');
    await editFile(file, (text) => text.replace(`transactionalMessageId: ${transactionalId}`, 'transactionalMessageId: 4040'));
    const result = await txkit(['diff', '--target', 'customerio', message]);
    expect(result.code).toBe(1);
    const { line, column } = positionOf(await readFile(file, 'utf8'), '4040');
    expect(result.stderr).toContain(`${line}:${column}`);
    expect(result.stderr).toContain('customerio/unknown-message');
    expect(result.stderr).toContain('4040');
  });

  it('pull creates a folder for a message the workspace does not reference', async () => {
    sandbox.seed({ customerio: { messages: [{ id: 301, name: 'Login code', contents: [{ id: 3010, type: 'twilio', body: 'Code {{trigger.code}}' }] }] } });
    const result = await txkit(['pull', '--target', 'customerio']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 message folder created.');
    expect(await readFile(path.join(project, 'templates/login-code/sms.txt'), 'utf8')).toBe('Code {{trigger.code}}\n');
    expect(existsSync(path.join(project, 'templates/login-code/message.yaml'))).toBe(true);
    const diff = await txkit(['diff', '--target', 'customerio', 'login-code']);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('= customerio sms-content 301/content/3010 (unchanged)');
  });
});
