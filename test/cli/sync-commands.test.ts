import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import buildCli from '../helpers/build-cli.js';
import { runCli, txkitBin, type CliResult } from '../helpers/run-cli.js';
import { positionOf } from '../helpers/text-position.js';
import { copyExamples, editFile, removeProjects, writesSince } from '../sync/sfmc-fixtures.js';

// Recognizable fake credentials: the sandbox accepts them, and no output may ever show them.
const clientId = 'cid-RECOGNIZABLE-4b1d7a';
const clientSecret = 'sec-RECOGNIZABLE-9f2e7c/+=';
const sfmcVariables = ['SFMC_CLIENT_ID', 'SFMC_CLIENT_SECRET', 'SFMC_AUTH_BASE_URL', 'SFMC_ACCOUNT_ID'];

// Each test runs the CLI a handful of times as a subprocess. The timeout is a safety net for a
// stalled process, not a speed expectation: on a machine whose cores are saturated by other work
// one CLI run can take 20 s, and a test must still pass there.
vi.setConfig({ testTimeout: 15 * 60_000 });

/**
 * One test's world: a fresh sandbox (empty SFMC state) and a fresh copy of the examples whose
 * .env points at it. No test sees another's pushes or edits, so each passes alone and in any order.
 */
interface Project {
  root: string;
  sandbox: Sandbox;
}

let current: Project | undefined;
/** Every output of the current test's commands, scanned for secrets after it. */
let outputs: CliResult[] = [];

async function freshProject(): Promise<Project> {
  const sandbox = await startSandbox({ sfmc: { clientId, clientSecret }, sendProcessingMs: 20, rateLimits: { retryAfterSeconds: 0 } });
  const root = await copyExamples();
  await writeFile(path.join(root, '.env'), `SFMC_AUTH_BASE_URL=${sandbox.url}\nSFMC_CLIENT_ID=${clientId}\nSFMC_CLIENT_SECRET="${clientSecret}"\n`);
  current = { root, sandbox };
  return current;
}

/** Runs txkit in the current project; SFMC settings come only from its .env (plus `env`). */
async function txkit(args: string[], env: Record<string, string | undefined> = {}, cwd = current!.root): Promise<CliResult> {
  const cleared = Object.fromEntries(sfmcVariables.map((name) => [name, undefined]));
  const result = await runCli(args, { cwd, env: { ...cleared, NO_COLOR: '1', FORCE_COLOR: undefined, ...env } });
  outputs.push(result);
  return result;
}

/** A fresh project whose workspace is already published to its sandbox (by `txkit push`). */
async function publishedProject(): Promise<Project> {
  const project = await freshProject();
  const push = await txkit(['push', '--target', 'sfmc']);
  expect(push.code, push.stderr).toBe(0);
  return project;
}

function expectNoSecrets(results: readonly CliResult[], secrets: readonly string[]): void {
  for (const secret of secrets) {
    for (const { stdout, stderr } of results) {
      expect(stdout).not.toContain(secret);
      expect(stderr).not.toContain(secret);
    }
  }
}

beforeAll(async () => {
  await buildCli();
});
afterEach(async () => {
  const ran = outputs;
  outputs = [];
  await current?.sandbox.close();
  current = undefined;
  await removeProjects();
  // Whatever a test ran, and however it ended, no output shows a credential.
  expectNoSecrets(ran, [clientId, clientSecret, encodeURIComponent(clientSecret)]);
});

describe('txkit push / diff against the sandbox', () => {
  it('publishes the workspace, then a second push makes zero writes', async () => {
    const { sandbox } = await freshProject();
    const first = await txkit(['push', '--target', 'sfmc']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('✔ password-reset: published');
    expect(first.stdout).toContain('+ sfmc asset txkit-password-reset (create)');
    expect(sandbox.state.sfmc.assets.size).toBe(1);

    const from = sandbox.requests.length;
    const second = await txkit(['push', '--target', 'sfmc']);
    expect(second.code, second.stderr).toBe(0);
    expect(writesSince(sandbox, from)).toEqual([]);
    for (const id of ['order-confirmation', 'password-reset', 'shipping-update']) expect(second.stdout).toContain(`= ${id}: up to date`);
  });

  it('diff --json shows a changed subject as one field-level update, and writes nothing', async () => {
    const { root, sandbox } = await publishedProject();
    await editFile(path.join(root, 'templates', 'password-reset', 'message.yaml'), (text) =>
      text.replace('Reset your Northwind password', 'Your password reset link'),
    );
    const from = sandbox.requests.length;
    const result = await txkit(['diff', '--target', 'sfmc', '--json', 'password-reset']);
    expect(result.code, result.stderr).toBe(0);
    const plan = JSON.parse(result.stdout);
    expect(plan.steps.map((step: { kind: string; action: string }) => `${step.kind} ${step.action}`)).toEqual(['asset update', 'email-definition unchanged']);
    expect(plan.steps[0].changes).toEqual([{ path: 'views.subjectline.content', before: 'Reset your Northwind password', after: 'Your password reset link' }]);
    expect(writesSince(sandbox, from)).toEqual([]);

    const dryRun = await txkit(['push', '--target', 'sfmc', '--dry-run']);
    expect(dryRun.code, dryRun.stderr).toBe(0);
    expect(dryRun.stdout).toContain('~ sfmc asset txkit-password-reset (update)');
    expect(dryRun.stdout).toContain('views.subjectline.content: "Reset your Northwind password" → "Your password reset link"');
    expect(writesSince(sandbox, from)).toEqual([]);

    const push = await txkit(['push', '--target', 'sfmc']);
    expect(push.code, push.stderr).toBe(0);
    expect(writesSince(sandbox, from).map((write) => write.method)).toEqual(['PATCH']);
  });

  it('reports a message SFMC refuses as not published, at the setting it names (exit 1), publishes the others, and the re-run converges', async () => {
    const { root, sandbox } = await freshProject();
    const yaml = path.join(root, 'templates', 'order-confirmation', 'message.yaml');
    await editFile(yaml, (text) => text.replace('keyword: ORDERS', 'keyword: ORDERS!'));
    await editFile(path.join(root, 'templates', 'shipping-update', 'sms.txt'), (text) => text.replace('has shipped', 'is on its way'));
    const failed = await txkit(['push', '--target', 'sfmc']);
    expect(failed.code, failed.stderr).toBe(1);
    expect(failed.stdout).toContain('✔ shipping-update: published (sfmc sms-definition shipping-update-sms)');
    expect(failed.stderr).toContain('✖ order-confirmation: not published');
    const { line, column } = positionOf(await readFile(yaml, 'utf8'), 'keyword: ORDERS!');
    expect(failed.stderr).toContain('templates/order-confirmation/message.yaml');
    expect(failed.stderr).toMatch(
      new RegExp(
        `${line}:${column} +error +SFMC refused sms-definition order-confirmation-sms: MCMS_UTM_Validation_InvalidValue_keyword \\(errorcode 109115\\) +sfmc/platform-error`,
      ),
    );

    await editFile(yaml, (text) => text.replace('keyword: ORDERS!', 'keyword: ORDERS'));
    const from = sandbox.requests.length;
    const rerun = await txkit(['push', '--target', 'sfmc']);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain('= shipping-update: up to date');
    // Only the definitions refused the first time (the SMS and its French one) are written now; a third run has nothing left to do.
    expect(writesSince(sandbox, from).map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /messaging/v1/sms/definitions',
      'POST /messaging/v1/sms/definitions',
    ]);
    const settled = sandbox.requests.length;
    const third = await txkit(['push', '--target', 'sfmc']);
    expect(third.code, third.stderr).toBe(0);
    expect(writesSince(sandbox, settled)).toEqual([]);
  });

  it('asks before writing on a terminal, and writes nothing when the answer is no', async () => {
    const { root, sandbox } = await publishedProject();
    await editFile(path.join(root, 'templates', 'order-confirmation', 'sms.txt'), (text) => text.replace('is confirmed', 'is confirmed, thank you'));
    const from = sandbox.requests.length;
    const declined = await inTerminal(root, `node ${txkitBin} push --target sfmc`, 'n\n');
    expect(declined).toContain('Write 1 change to sfmc? (y/N)');
    expect(declined).toContain('Push cancelled: nothing was written.');
    expect(writesSince(sandbox, from)).toEqual([]);

    const accepted = await inTerminal(root, `node ${txkitBin} push --target sfmc`, 'y\n');
    expect(accepted).toContain('✔ order-confirmation: published');
    expect(writesSince(sandbox, from)).toHaveLength(1);
  });
});

/** A port on 127.0.0.1 nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs a command in a pseudo-terminal (util-linux `script`), typing `input`; resolves with what the terminal showed. */
function inTerminal(root: string, command: string, input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    for (const name of sfmcVariables) delete env[name];
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: root, env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('(y/N)')) child.stdin.end(input);
    });
    child.on('error', reject);
    child.on('close', () => {
      outputs.push({ code: 0, stdout: output, stderr: '' });
      resolve(output);
    });
  });
}

describe('txkit send', () => {
  it('sends a sample through the published definition and reports the final status', async () => {
    const { sandbox } = await publishedProject();
    const result = await txkit(['send', 'password-reset', '--target', 'sfmc', '--sample', 'no-name-no-ip', '--to', 'ops@example.com']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/✔ sent · [0-9a-f-]{36} · TransactionalSendEvents\.EmailSent/);
    const sent = [...sandbox.state.sfmc.messages.values()].at(-1)!;
    expect(sent.recipient).toMatchObject({ to: 'ops@example.com', attributes: { email: "o'brien+alerts@example.com", expires_in_minutes: '15' } });
  });

  it('validates --to before sending anything', async () => {
    const { sandbox } = await publishedProject();
    const from = sandbox.requests.length;
    for (const to of ['not-an-address', '415 555 2671', '+1']) {
      const result = await txkit(['send', 'shipping-update', '--target', 'sfmc', '--to', to]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain('--to');
    }
    expect(sandbox.requests.slice(from).filter((request) => request.kind === 'send')).toEqual([]);
  });

  it('names the samples when the one asked for does not exist', async () => {
    await publishedProject();
    const result = await txkit(['send', 'shipping-update', '--target', 'sfmc', '--to', '+14155552671', '--sample', 'nosuch']);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('samples: cyrillic-name, standard');
  });
});

describe('txkit pull', () => {
  it('creates folders for remote definitions, never touches an existing folder, and the new messages validate', async () => {
    const { root, sandbox } = await freshProject();
    sandbox.seed({
      sfmc: {
        assets: [
          {
            name: 'Welcome',
            customerKey: 'txkit-welcome',
            assetType: { name: 'htmlemail', id: 208 },
            views: {
              html: {
                content: '<!doctype html>\n<html lang="en" dir="ltr"><head><title>Welcome</title></head><body><p>Welcome to Northwind.</p></body></html>\n',
              },
              subjectline: { content: 'Welcome to Northwind' },
            },
          },
        ],
        emailDefinitions: [
          { definitionKey: 'welcome-email', name: 'Welcome', content: { customerKey: 'txkit-welcome' }, subscriptions: { list: 'All Subscribers' } },
        ],
        smsDefinitions: [
          {
            definitionKey: 'otp-sms',
            name: 'Sign-in code',
            content: { message: 'Your code was sent.' },
            subscriptions: { shortCode: '88000', keyword: 'CODE' },
          },
        ],
      },
    });
    const occupied = path.join(root, 'templates', 'otp-sms');
    await mkdir(occupied);
    await writeFile(path.join(occupied, 'notes.txt'), 'mine');

    const dryRun = await txkit(['pull', '--target', 'sfmc', '--dry-run']);
    expect(dryRun.code, dryRun.stderr).toBe(0);
    expect(dryRun.stdout).toContain('would create templates/welcome-email/');
    expect(existsSync(path.join(root, 'templates', 'welcome-email'))).toBe(false);

    const result = await txkit(['pull', '--target', 'sfmc']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('created templates/welcome-email/ (message.yaml, email.html, samples/example.json)');
    expect(result.stderr).toContain('skipped templates/otp-sms: the folder exists');
    expect(await readdir(occupied)).toEqual(['notes.txt']);
    expect(await readFile(path.join(occupied, 'notes.txt'), 'utf8')).toBe('mine');

    const validate = await txkit(['validate', 'templates/welcome-email']);
    expect(validate.stdout + validate.stderr).not.toContain('error');
    expect(validate.code, validate.stderr).toBe(0);
    const from = sandbox.requests.length;
    const push = await txkit(['push', '--target', 'sfmc', 'welcome-email']);
    expect(push.code, push.stderr).toBe(0);
    // A pulled message pushes back unchanged: the fields SFMC's read omits (channels, the text view) are not drift.
    expect(writesSince(sandbox, from)).toEqual([]);
  });
});

describe('txkit render --target sfmc', () => {
  it('prints the exported form of each published channel', async () => {
    await freshProject();
    const email = await txkit(['render', 'password-reset', '--target', 'sfmc', '--json']);
    expect(email.code, email.stderr).toBe(0);
    expect(JSON.parse(email.stdout)).toMatchObject({ target: 'sfmc', channel: 'email', preheader: 'This link expires in {{ expires_in_minutes }} minutes.' });
    const sms = await txkit(['render', 'order-confirmation', '--target', 'sfmc']);
    // templates/order-confirmation/sms.txt with each {{ trigger.x }} read through AttributeValue (empty when absent),
    // not the personalization string %%x%% that SFMC validates against profile fields (docs/sfmc.md).
    expect(sms.stdout.trim()).toBe(
      '%%[ SET @order_id = AttributeValue("order_id") ]%%%%[ SET @order_url = AttributeValue("order_url") ]%%' +
        'Northwind: order %%=v(@order_id)=%% is confirmed. Details: %%=v(@order_url)=%%',
    );
    const notPublished = await txkit(['render', 'order-confirmation', '--target', 'sfmc', '--channel', 'email']);
    expect(notPublished.code, notPublished.stderr).toBe(2);
    expect(notPublished.stderr).toContain('does not publish its email to sfmc');
  });
});

describe('configuration problems', () => {
  it('exits 2 naming the missing variables, for every command that talks to SFMC', async () => {
    const { root } = await freshProject();
    const bare = path.join(root, 'templates', '..', 'no-env');
    await mkdir(bare, { recursive: true });
    await writeFile(path.join(bare, 'txkit.config.yaml'), 'workspace: ../templates\n');
    for (const args of [['diff'], ['push'], ['pull'], ['send', 'password-reset', '--to', 'a@example.com']]) {
      const result = await txkit([...args, '--target', 'sfmc'], { SFMC_CLIENT_ID: 'x-client-id' }, bare);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain('missing SFMC_CLIENT_SECRET, SFMC_AUTH_BASE_URL');
    }
  });

  it('refuses an auth URL that would send the secret over plain http, and wrong credentials', async () => {
    await freshProject();
    const insecure = await txkit(['diff', '--target', 'sfmc'], { SFMC_AUTH_BASE_URL: 'http://mc0a1b2c3d.auth.marketingcloudapis.com/' });
    expect(insecure.code, insecure.stderr).toBe(2);
    expect(insecure.stderr).toContain('SFMC_AUTH_BASE_URL must be');
    const wrong = await txkit(['push', '--target', 'sfmc'], { SFMC_CLIENT_SECRET: 'sec-RECOGNIZABLE-wrong-31337' });
    expect(wrong.code, wrong.stderr).toBe(2);
    expect(wrong.stderr).toContain('SFMC refused the credentials');
    const unreachable = await txkit(['diff', '--target', 'sfmc'], { SFMC_AUTH_BASE_URL: `http://127.0.0.1:${await closedPort()}/` });
    expect(unreachable.code, unreachable.stderr).toBe(1);
    expect(unreachable.stderr).toContain('ECONNREFUSED');
  });

  it('never prints a secret, whatever the command and however it ended', async () => {
    const { root } = await freshProject();
    const wrongSecret = 'sec-RECOGNIZABLE-wrong-31337';
    const results = [
      await txkit(['push', '--target', 'sfmc']),
      await txkit(['diff', '--target', 'sfmc', '--json']),
      await txkit(['send', 'password-reset', '--target', 'sfmc', '--to', 'ops@example.com']),
      await txkit(['push', '--target', 'sfmc'], { SFMC_CLIENT_SECRET: wrongSecret }),
      await txkit(['diff', '--target', 'sfmc'], { SFMC_AUTH_BASE_URL: `http://127.0.0.1:${await closedPort()}/` }),
      await txkit(['diff', '--target', 'sfmc'], { SFMC_AUTH_BASE_URL: 'http://mc0a1b2c3d.auth.marketingcloudapis.com/' }),
      await txkit(['pull', '--target', 'sfmc', '--dry-run']),
    ];
    expect(results.map((result) => result.code)).toEqual([0, 0, 0, 2, 1, 2, 0]);
    expect(await readFile(path.join(root, '.env'), 'utf8')).toContain(clientSecret); // the secret was there to leak
    expectNoSecrets(results, [clientId, clientSecret, encodeURIComponent(clientSecret), wrongSecret]);
  });
});

describe('txkit sandbox', () => {
  it('serves the emulator and prints the variables that point txkit at it', async () => {
    const child = spawn(process.execPath, [txkitBin, 'sandbox', '--port', '0'], { env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /^SFMC_AUTH_BASE_URL=(\S+)$/m.exec(output);
        if (match && output.includes('CUSTOMERIO_TRANSACTIONAL_API_KEY=')) resolve(match[1]!);
      });
      child.on('error', reject);
      child.on('exit', () => reject(new Error(`sandbox exited: ${output}`)));
    });
    const variable = (name: string) => new RegExp(`^${name}=(\\S+)$`, 'm').exec(output)?.[1];
    const token = await fetch(new URL('v2/token', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: variable('SFMC_CLIENT_ID'), client_secret: variable('SFMC_CLIENT_SECRET') }),
    });
    expect(token.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
