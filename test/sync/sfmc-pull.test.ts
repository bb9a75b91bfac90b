import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderEmail } from '../../src/email/render-email.js';
import { renderSms } from '../../src/sms/render-sms.js';
import { createEngines } from '../../src/render/index.js';
import type { PulledMessage } from '../../src/sync/index.js';
import { checkSfmcExport } from '../../src/sync/sfmc/index.js';
import { useSandboxes } from '../helpers/sandboxes.js';
import { connect, copyExamples, openWorkspace, push, removeProjects, writesSince } from './sfmc-fixtures.js';

const welcomeHtml =
  '<!doctype html>\n<html lang="en" dir="ltr"><head><title>Welcome</title></head><body><p>Welcome to Northwind, we are glad you are here.</p></body></html>\n';

/** Remote objects no workspace message publishes: an email with its asset, an SMS, and an email in AMPscript. */
const seed = {
  sfmc: {
    assets: [
      {
        name: 'Welcome',
        customerKey: 'txkit-welcome',
        channels: { email: true, web: false },
        assetType: { name: 'htmlemail', id: 208 },
        views: {
          html: { content: welcomeHtml },
          text: { content: 'Welcome to Northwind, we are glad you are here.' },
          subjectline: { content: 'Welcome to Northwind' },
          preheader: { content: 'Your account is ready.' },
        },
        data: { email: { options: { characterEncoding: 'utf-8' } } },
      },
      {
        name: 'Legacy promo',
        customerKey: 'legacy-promo',
        assetType: { name: 'htmlemail', id: 208 },
        views: { html: { content: '<p>Hi %%first_name%%</p>' }, subjectline: { content: 'Hello' } },
      },
    ],
    emailDefinitions: [
      {
        definitionKey: 'welcome-email',
        name: 'Welcome',
        description: 'Sent after sign-up.',
        content: { customerKey: 'txkit-welcome' },
        subscriptions: { list: 'All Subscribers' },
        options: { trackLinks: true },
      },
      { definitionKey: 'legacy-promo', name: 'Legacy promo', content: { customerKey: 'legacy-promo' }, subscriptions: { list: 'All Subscribers' } },
    ],
    smsDefinitions: [
      {
        definitionKey: 'otp-sms',
        name: 'Sign-in code',
        content: { message: 'Northwind: your sign-in code was sent to your email.' },
        subscriptions: { shortCode: '88000', keyword: 'CODE', countryCode: 'US' },
      },
    ],
  },
};

/** Writes pulled folders the way `txkit pull` does. */
async function writePulled(workspaceDir: string, pulled: readonly PulledMessage[]): Promise<void> {
  for (const message of pulled) {
    for (const [name, content] of Object.entries(message.files)) {
      const file = path.join(workspaceDir, message.id, name);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content, { flag: 'wx' });
    }
  }
}

/** A pushed example workspace, the seed added remotely, and what a pull brings: each test's own. */
async function pullFresh(startSandbox: ReturnType<typeof useSandboxes>) {
  const sandbox = await startSandbox();
  const root = await copyExamples();
  const workspace = await openWorkspace(root);
  const connection = await connect(workspace, sandbox);
  expect((await push(connection, workspace)).report.failed).toEqual([]);
  sandbox.seed(seed);
  const pulled = await connection.pull!(workspace.messages);
  return { sandbox, root, workspace, connection, pulled };
}

/** pullFresh, then the pulled folders written into the workspace and the workspace reopened. */
async function pullAndWrite(startSandbox: ReturnType<typeof useSandboxes>) {
  const fresh = await pullFresh(startSandbox);
  await writePulled(path.join(fresh.root, 'templates'), fresh.pulled.messages);
  return { ...fresh, workspace: await openWorkspace(fresh.root) };
}

describe('SFMC pull', () => {
  const startSandbox = useSandboxes();
  afterEach(removeProjects);

  it('brings only the definitions no message publishes, one folder each', async () => {
    const { pulled } = await pullFresh(startSandbox);
    expect(pulled.messages.map((message) => message.id).sort()).toEqual(['legacy-promo', 'otp-sms', 'welcome-email']);
    expect(Object.keys(pulled.messages.find((message) => message.id === 'welcome-email')!.files).sort()).toEqual([
      'email.html',
      'email.txt',
      'message.yaml',
      'samples/example.json',
    ]);
    expect(Object.keys(pulled.messages.find((message) => message.id === 'otp-sms')!.files).sort()).toEqual(['message.yaml', 'samples/example.json', 'sms.txt']);
    expect(pulled.messages.find((message) => message.id === 'welcome-email')!.files['email.html']).toBe(welcomeHtml);
  });

  it('warns about content in SFMC personalization, pulled as it is', async () => {
    const { pulled, root } = await pullFresh(startSandbox);
    expect(pulled.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', file: path.join(root, 'templates', 'legacy-promo', 'email.html') })]);
    expect(pulled.messages.find((message) => message.id === 'legacy-promo')!.files['email.html']).toBe('<p>Hi %%first_name%%</p>');
  });

  it('writes folders that load, render and export without errors, and a push after the pull writes nothing', async () => {
    const { sandbox, connection, workspace } = await pullAndWrite(startSandbox);
    const engines = createEngines();
    for (const id of ['welcome-email', 'otp-sms']) {
      const message = workspace.messages.find((candidate) => candidate.id === id)!;
      expect(message).toBeDefined();
      expect(message.diagnostics).toEqual([]);
      expect(checkSfmcExport(message)).toEqual([]);
      const sample = message.samples[0];
      expect(sample?.name).toBe('example');
      const rendered = message.email ? await renderEmail(message, sample, { engines }) : renderSms(message, sample, { engines });
      expect(rendered!.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    }
    expect(workspace.broken).toEqual([]);
    expect(workspace.messages.find((message) => message.id === 'welcome-email')!.definition).toMatchObject({
      name: 'Welcome',
      description: 'Sent after sign-up.',
      email: { subject: 'Welcome to Northwind', preheader: 'Your account is ready.', body: 'email.html', text: 'email.txt' },
      targets: { sfmc: { definitionKey: 'welcome-email', customerKey: 'txkit-welcome', trackLinks: true } },
    });

    const from = sandbox.requests.length;
    const { plan } = await push(connection, workspace);
    expect(
      plan.steps
        .filter((step) => ['welcome-email', 'otp-sms'].includes(step.messageId))
        .map((step) => `${step.kind} ${step.action}`)
        .sort(),
    ).toEqual(['asset unchanged', 'email-definition unchanged', 'sms-definition unchanged']);
    expect(writesSince(sandbox, from)).toEqual([]);
  });

  it('leaves AMPscript content for validation to report, never translated silently', async () => {
    const { workspace, root } = await pullAndWrite(startSandbox);
    const legacy = workspace.messages.find((message) => message.id === 'legacy-promo')!;
    const file = path.join(root, 'templates', 'legacy-promo', 'email.html');
    // `<p>Hi %%first_name%%</p>`: both delimiters of the personalization string.
    expect(checkSfmcExport(legacy)).toEqual([
      expect.objectContaining({ ruleId: 'sfmc/unsupported-construct', file, line: 1, column: 7 }),
      expect.objectContaining({ ruleId: 'sfmc/unsupported-construct', file, line: 1, column: 19 }),
    ]);
  });

  it('pulls nothing once every definition is in the workspace', async () => {
    const { connection, workspace } = await pullAndWrite(startSandbox);
    expect((await connection.pull!(workspace.messages)).messages).toEqual([]);
  });
});
