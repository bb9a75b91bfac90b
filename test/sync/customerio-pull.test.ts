import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { useSandboxes } from '../helpers/sandboxes.js';
import { connect, copyExamples, exampleSeeds, exampleTargets, openWorkspace, sandboxEnv, writeMessage } from './customerio-fixtures.js';

/** A sandbox holding the example messages and a few no workspace message refers to, and a pull from it: each test's own. */
async function pullFresh(startSandbox: ReturnType<typeof useSandboxes>) {
  const sandbox = await startSandbox();
  sandbox.seed({
    customerio: {
      messages: [
        ...(await exampleSeeds()),
        {
          id: 201,
          name: 'Welcome back!',
          description: 'Win-back coupon',
          trigger_name: 'welcome_back',
          link_tracking: false,
          contents: [
            {
              id: 2010,
              subject: 'Welcome back, {{ customer.first_name }}',
              preheader_text: 'Your code {{ trigger.coupon.code }} inside',
              body: '<p>Hi {{ customer.first_name }}, use {{ trigger.coupon.code }} before {{ trigger.coupon.expires }}.</p>',
              from: 'Shop <shop@example.com>',
            },
            // Added with Add language, which starts from the Default content's sender.
            { id: 2011, language: 'de', subject: 'Willkommen', body: '<p>Hallo {{ customer.first_name }}</p>', from: 'Shop <shop@example.com>' },
          ],
        },
        { id: 202, name: 'Login code', contents: [{ id: 2020, type: 'twilio', body: 'Your code is {{trigger.code}}', recipient: '{{customer.phone}}' }] },
        { id: 203, name: 'App push', contents: [{ id: 2030, type: 'push', body: 'x' }] },
        // Same name as an example folder: the new folder must not take its place.
        { id: 204, name: 'Order confirmation', contents: [{ id: 2040, subject: 'Old order mail', body: '<p>old</p>', from: 'orders@example.com' }] },
        { id: 205, name: 'Draft', contents: [{ id: 2050, body: '<p>draft</p>', recipient: '{{ customer.work_email }}' }] },
      ],
    },
  });
  const workspaceDir = await copyExamples();
  const workspace = await openWorkspace(workspaceDir);
  const connection = await connect(workspace, sandboxEnv(sandbox));
  const pulled = await connection.pull!(workspace.messages);
  return { sandbox, workspaceDir, workspace, connection, pulled };
}

describe('Customer.io pull', () => {
  const startSandbox = useSandboxes();

  it('proposes a folder for each remote email or SMS message no workspace message refers to', async () => {
    const { pulled, workspaceDir } = await pullFresh(startSandbox);
    expect(pulled.messages.map((message) => message.id)).toEqual(['welcome-back', 'login-code', 'order-confirmation-204', 'draft']);
    const referenced = new Set((await exampleTargets()).map((target) => String(target.transactionalId)));
    for (const message of pulled.messages) {
      const yaml = parse(message.files['message.yaml']!);
      const id = String(yaml.targets.customerio.transactionalMessageId ?? yaml.targets.customerio.sms.transactionalMessageId);
      expect(referenced.has(id)).toBe(false);
      expect(existsSync(path.join(workspaceDir, message.id))).toBe(false);
    }
  });

  it('lists the remote messages once when the workspace refers to one by trigger name', async () => {
    const { sandbox, workspace, connection } = await pullFresh(startSandbox);
    const [first] = workspace.messages;
    const customerio = { ...first!.definition.targets.customerio, transactionalMessageId: 'Welcome_Back' };
    const byTriggerName = { ...first!, definition: { ...first!.definition, targets: { ...first!.definition.targets, customerio } } };
    const before = sandbox.requests.length;
    const again = await connection.pull!([byTriggerName]);
    const lists = sandbox.requests.slice(before).filter((request) => request.method === 'GET' && request.path === '/v1/transactional');
    expect(lists).toHaveLength(1);
    expect(again.messages.map((message) => message.id)).not.toContain('welcome-back');
  });

  it('writes the default-language content, its translations, the target and the current settings', async () => {
    const { pulled } = await pullFresh(startSandbox);
    const welcome = pulled.messages.find((message) => message.id === 'welcome-back')!;
    expect(parse(welcome.files['message.yaml']!)).toEqual({
      name: 'Welcome back!',
      description: 'Win-back coupon',
      engine: 'liquid',
      email: {
        subject: 'Welcome back, {{ customer.first_name }}',
        preheader: 'Your code {{ trigger.coupon.code }} inside',
        from: 'Shop <shop@example.com>',
        body: 'email.html',
        // The German variant has no preheader: its recipients get none, not the default one.
        translations: { de: { subject: 'Willkommen', preheader: '' } },
      },
      targets: {
        customerio: {
          transactionalMessageId: 201,
          settings: { sendToUnsubscribed: true, linkTracking: false, openTracking: true, queueDrafts: false, triggerName: 'welcome_back' },
        },
      },
    });
    expect(welcome.files['email.html']).toBe('<p>Hi {{ customer.first_name }}, use {{ trigger.coupon.code }} before {{ trigger.coupon.expires }}.</p>\n');
    expect(JSON.parse(welcome.files['samples/example.json']!)).toEqual({
      customer: { first_name: '', email: '' },
      trigger: { coupon: { code: '', expires: '' } },
    });
    expect(welcome.files['email.de.html']).toBe('<p>Hallo {{ customer.first_name }}</p>\n');
    expect(JSON.parse(welcome.files['samples/example-de.json']!)).toEqual({ language: 'de', customer: { first_name: '', email: '' }, trigger: {} });
    const sms = pulled.messages.find((message) => message.id === 'login-code')!;
    expect(parse(sms.files['message.yaml']!)).toMatchObject({
      sms: { body: 'sms.txt', to: '{{customer.phone}}' },
      targets: { customerio: { sms: { transactionalMessageId: 202 } } },
    });
    expect(sms.files['sms.txt']).toBe('Your code is {{trigger.code}}\n');
  });

  it('fills required fields the platform leaves empty with placeholders, and warns', async () => {
    const { pulled, workspaceDir } = await pullFresh(startSandbox);
    const file = path.join(workspaceDir, 'draft', 'message.yaml');
    expect(pulled.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'customerio/pulled-placeholder', severity: 'warning', file, message: expect.stringContaining('subject') }),
      expect.objectContaining({ ruleId: 'customerio/pulled-placeholder', severity: 'warning', file, message: expect.stringContaining('sender') }),
      expect.objectContaining({
        ruleId: 'customerio/pulled-recipient',
        severity: 'warning',
        file,
        message: expect.stringContaining('{{ customer.work_email }}'),
      }),
    ]);
  });

  it('yields folders that load cleanly and plan as unchanged, with no drift', async () => {
    const { sandbox, pulled, workspaceDir, connection } = await pullFresh(startSandbox);
    const complete = pulled.messages.filter((message) => message.id !== 'draft');
    for (const message of complete) await writeMessage(workspaceDir, message.id, message.files);
    const reloaded = await openWorkspace(workspaceDir);
    const fresh = reloaded.messages.filter((message) => complete.some((candidate) => candidate.id === message.id));
    expect(fresh.map((message) => message.id).sort()).toEqual(['login-code', 'order-confirmation-204', 'welcome-back']);
    expect(reloaded.broken).toEqual([]);
    expect(fresh.flatMap((message) => message.diagnostics)).toEqual([]);

    const before = sandbox.requests.length;
    const plan = await connection.plan(fresh);
    expect(plan.diagnostics).toEqual([]);
    expect(plan.drift).toEqual([]);
    expect(plan.steps.map((step) => [step.key, step.action]).sort()).toEqual([
      ['201/content/2010', 'unchanged'],
      ['201/language/de', 'unchanged'],
      ['202/content/2020', 'unchanged'],
      ['204/content/2040', 'unchanged'],
    ]);
    expect(sandbox.requests.slice(before).filter((request) => request.write)).toEqual([]);
    // Now referenced: a second pull proposes only the one not written.
    expect((await connection.pull!(reloaded.messages)).messages.map((message) => message.id)).toEqual(['draft']);
  });
});
