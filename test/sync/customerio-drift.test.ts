import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSandboxes } from '../helpers/sandboxes.js';
import { executePlan } from '../../src/sync/index.js';
import { positionOf } from '../helpers/text-position.js';
import { connect, emptyWorkspace, openWorkspace, sandboxEnv, writeMessage } from './customerio-fixtures.js';

const loginYaml = `name: Login code
sms:
  to: "{{customer.phone}}"
targets:
  customerio:
    sms:
      transactionalMessageId: 7
      settings:
        linkTracking: false
        sendToUnsubscribed: true
        triggerName: login_code
`;

const receiptYaml = `name: Receipt
email:
  subject: "Receipt {{trigger.id}}"
  from: "Shop <shop@example.com>"
  replyTo: "help@example.com"
  body: email.html
targets:
  customerio:
    transactionalMessageId: 8
`;

const frenchYaml = `name: Welcome
email:
  subject: "Bienvenue"
  from: "Shop <shop@example.com>"
  body: email.html
targets:
  customerio:
    transactionalMessageId: 9
    language: fr
`;

const byTriggerYaml = `name: Login by trigger
sms:
  to: "{{customer.phone}}"
targets:
  customerio:
    sms:
      transactionalMessageId: LOGIN-CODE-2
`;

describe('Customer.io plan: drift, languages, and what cannot be published', () => {
  // Tests publish, edit remote contents, set faults and add folders: each gets its own emulator and workspace.
  const startSandbox = useSandboxes();
  async function setup() {
    const sandbox = await startSandbox();
    sandbox.seed({
      customerio: {
        messages: [
          {
            id: 7,
            name: 'Login code',
            trigger_name: 'login-code',
            link_tracking: true,
            send_to_unsubscribed: true,
            contents: [{ id: 70, type: 'twilio', body: 'Your code is {{trigger.code}}', recipient: '{{ customer.phone }}' }],
          },
          {
            id: 8,
            name: 'Receipt',
            contents: [{ id: 80, subject: 'Receipt {{trigger.id}}', body: '<p>Receipt</p>', from: 'billing@example.com', reply_to: 'HELP@example.com' }],
          },
          {
            id: 9,
            name: 'Welcome',
            contents: [
              { id: 90, subject: 'Welcome', body: '<p>Welcome</p>', from: 'other@example.com' },
              { id: 91, language: 'fr', subject: 'Bienvenue', body: '<p>Old</p>', from: 'Shop <shop@example.com>' },
            ],
          },
          { id: 10, name: 'Newsletter-ish email', contents: [{ id: 100, body: '<p>x</p>' }] },
          { id: 11, name: 'Login code (trigger)', trigger_name: 'login-code-2', contents: [{ id: 110, type: 'twilio', body: 'Code {{trigger.code}}' }] },
        ],
      },
    });
    const workspaceDir = await emptyWorkspace();
    await writeMessage(workspaceDir, 'login-code', { 'message.yaml': loginYaml, 'sms.txt': 'Your code is {{trigger.code}}\n' });
    await writeMessage(workspaceDir, 'receipt', { 'message.yaml': receiptYaml, 'email.html': '<p>Receipt</p>\n' });
    await writeMessage(workspaceDir, 'welcome', { 'message.yaml': frenchYaml, 'email.html': '<p>Bienvenue</p>\n' });
    const workspace = await openWorkspace(workspaceDir);
    const connection = await connect(workspace, sandboxEnv(sandbox));
    const only = (...ids: string[]) => workspace.messages.filter((message) => ids.includes(message.id));
    return { sandbox, workspaceDir, connection, only };
  }

  it('reports message settings that differ from message.yaml as drift, and writes nothing for them', async () => {
    const { sandbox, connection, only } = await setup();
    const plan = await connection.plan(only('login-code'));
    // The recipient differs only by spaces inside {{ }}: no change.
    expect(plan.steps.map((step) => [step.key, step.action])).toEqual([['7/content/70', 'unchanged']]);
    expect(plan.drift).toEqual([
      { platform: 'customerio', messageId: 'login-code', kind: 'transactional-message', key: '7', field: 'link_tracking', expected: false, actual: true },
      {
        platform: 'customerio',
        messageId: 'login-code',
        kind: 'transactional-message',
        key: '7',
        field: 'trigger_name',
        expected: 'login_code',
        actual: 'login-code',
      },
    ]);
    const before = sandbox.requests.length;
    await executePlan(plan);
    expect(sandbox.requests.slice(before)).toEqual([]);
  });

  it('expects the project default linkTracking of txkit.config.yaml for an SMS message whose settings do not say', async () => {
    const { sandbox } = await setup();
    const dir = await emptyWorkspace();
    await writeFile(path.join(path.dirname(dir), 'txkit.config.yaml'), 'targets:\n  customerio:\n    sms: { linkTracking: false }\n');
    const yaml = 'name: Login code\nsms:\n  to: "{{customer.phone}}"\ntargets:\n  customerio:\n    sms: { transactionalMessageId: 7 }\n';
    await writeMessage(dir, 'login-code', { 'message.yaml': yaml, 'sms.txt': 'Your code is {{trigger.code}}\n' });
    const project = await openWorkspace(dir);
    const plan = await (await connect(project, sandboxEnv(sandbox))).plan(project.messages);
    // Message 7 tracks links (seeded link_tracking: true); the project expects it off.
    expect(plan.drift).toEqual([
      { platform: 'customerio', messageId: 'login-code', kind: 'transactional-message', key: '7', field: 'link_tracking', expected: false, actual: true },
    ]);
  });

  it('compares the sender addresses the platform reports with email.from and email.replyTo', async () => {
    const { connection, only } = await setup();
    const plan = await connection.plan(only('receipt', 'welcome'));
    // reply_to differs only in case; "welcome" publishes its French variant, whose sender matches.
    expect(plan.drift).toEqual([
      {
        platform: 'customerio',
        messageId: 'receipt',
        kind: 'email-content',
        key: '8/content/80',
        field: 'from',
        expected: 'Shop <shop@example.com>',
        actual: 'billing@example.com',
      },
    ]);
  });

  it('publishes the variant of the configured language and leaves the others alone', async () => {
    const { sandbox, connection, only } = await setup();
    const plan = await connection.plan(only('welcome'));
    expect(plan.steps.map((step) => [step.key, step.action, step.changes.map((change) => change.path)])).toEqual([['9/content/91', 'update', ['body']]]);
    await executePlan(plan);
    const [main, french] = sandbox.state.customerio.contents.get(9)!;
    expect(french).toMatchObject({ language: 'fr', body: '<p>Bienvenue</p>\n', subject: 'Bienvenue' });
    expect(main).toMatchObject({ language: '', body: '<p>Welcome</p>', subject: 'Welcome' });
  });

  it('resolves a trigger name to its message, case-insensitively', async () => {
    const { workspaceDir, connection } = await setup();
    await writeMessage(workspaceDir, 'login-by-trigger', { 'message.yaml': byTriggerYaml, 'sms.txt': 'Code {{trigger.code}}\n' });
    const messages = (await openWorkspace(workspaceDir)).messages.filter((message) => message.id === 'login-by-trigger');
    const plan = await connection.plan(messages);
    expect(plan.diagnostics).toEqual([]);
    expect(plan.steps.map((step) => [step.key, step.action])).toEqual([['11/content/110', 'unchanged']]);
  });

  it('names the message and the id Customer.io does not have (404), at the id in message.yaml', async () => {
    const { workspaceDir, connection } = await setup();
    const yaml = receiptYaml.replace('transactionalMessageId: 8', 'transactionalMessageId: 4040');
    const dir = await writeMessage(workspaceDir, 'missing', { 'message.yaml': yaml, 'email.html': '<p>x</p>\n' });
    const messages = (await openWorkspace(workspaceDir)).messages.filter((message) => message.id === 'missing');
    const plan = await connection.plan(messages);
    expect(plan.steps).toEqual([]);
    expect(plan.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'customerio/unknown-message', severity: 'error', file: path.join(dir, 'message.yaml'), ...positionOf(yaml, '4040') }),
    ]);
    expect(plan.diagnostics[0]!.message).toContain('"missing"');
    expect(plan.diagnostics[0]!.message).toContain('4040');
  });

  it('reports a missing language, a channel mismatch and a target without its channel', async () => {
    const { workspaceDir, connection } = await setup();
    const noGerman = frenchYaml.replace('language: fr', 'language: de');
    const smsOnEmail = byTriggerYaml.replace('LOGIN-CODE-2', '10');
    const emailWithoutSection = 'name: No email\nsms:\n  to: "+14155552671"\ntargets:\n  customerio:\n    transactionalMessageId: 10\n';
    await writeMessage(workspaceDir, 'german', { 'message.yaml': noGerman, 'email.html': '<p>x</p>\n' });
    await writeMessage(workspaceDir, 'sms-on-email', { 'message.yaml': smsOnEmail, 'sms.txt': 'hi\n' });
    await writeMessage(workspaceDir, 'no-email', { 'message.yaml': emailWithoutSection, 'sms.txt': 'hi\n' });
    const messages = (await openWorkspace(workspaceDir)).messages.filter((message) => ['german', 'sms-on-email', 'no-email'].includes(message.id));
    const plan = await connection.plan(messages);
    expect(plan.steps).toEqual([]);
    expect(plan.diagnostics.map((diagnostic) => [path.basename(path.dirname(diagnostic.file)), diagnostic.ruleId, diagnostic.line]).sort()).toEqual([
      ['german', 'customerio/missing-language', positionOf(noGerman, 'transactionalMessageId').line],
      ['no-email', 'customerio/missing-channel', positionOf(emailWithoutSection, 'transactionalMessageId').line],
      ['sms-on-email', 'customerio/channel-mismatch', positionOf(smsOnEmail, '10').line],
    ]);
  });

  it('publishes a content variant from one message only', async () => {
    const { workspaceDir, connection } = await setup();
    const copy = loginYaml.replace('name: Login code', 'name: Login code copy');
    const dir = await writeMessage(workspaceDir, 'login-code-copy', { 'message.yaml': copy, 'sms.txt': 'Another body\n' });
    const messages = (await openWorkspace(workspaceDir)).messages.filter((message) => ['login-code', 'login-code-copy'].includes(message.id));
    const plan = await connection.plan(messages);
    expect(plan.steps.map((step) => [step.messageId, step.key])).toEqual([['login-code', '7/content/70']]);
    expect(plan.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'customerio/duplicate-target',
        file: path.join(dir, 'message.yaml'),
        line: positionOf(copy, 'transactionalMessageId').line,
        message: expect.stringContaining('"login-code"'),
      }),
    ]);
  });

  it('explains a refused write at the target in message.yaml', async () => {
    const { sandbox, workspaceDir, connection, only } = await setup();
    sandbox.state.customerio.contents.get(8)![0]!.body = '<p>Changed in the UI</p>';
    const plan = await connection.plan(only('receipt'));
    expect(plan.steps.map((step) => step.action)).toEqual(['update']);
    sandbox.setFaults({ serverErrorEvery: 1, platform: 'customerio' });
    const report = await executePlan(plan);
    sandbox.setFaults({});
    const [result] = report.results;
    expect(result!.status).toBe('failed');
    expect(result!.step.explain!(result!.error!)).toEqual([
      expect.objectContaining({
        ruleId: 'customerio/platform-error',
        file: path.join(workspaceDir, 'receipt', 'message.yaml'),
        ...positionOf(receiptYaml, '8\n'),
        message: expect.stringContaining('HTTP 500'),
      }),
    ]);
  });
});
