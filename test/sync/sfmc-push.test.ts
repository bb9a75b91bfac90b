import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/index.js';
import { useSandboxes } from '../helpers/sandboxes.js';
import type { SyncConnection } from '../../src/sync/index.js';
import type { Workspace } from '../../src/workspace/index.js';
import { connect, copyExamples, editFile, exampleObjects, openWorkspace, push, removeProjects, writesSince } from './sfmc-fixtures.js';

afterAll(removeProjects);

interface Project {
  sandbox: Sandbox;
  root: string;
  workspace: Workspace;
  /** One connection, as one txkit run has: its token is cached across pushes. */
  connection: SyncConnection;
}

// Every test has its own emulator and copy of the examples, so each passes alone and in any order.
const startSandbox = useSandboxes();

async function freshProject(): Promise<Project> {
  const sandbox = await startSandbox();
  const root = await copyExamples();
  const workspace = await openWorkspace(root);
  return { sandbox, root, workspace, connection: await connect(workspace, sandbox) };
}

/** A fresh project whose examples were pushed once, without errors. */
async function publishedProject(): Promise<Project> {
  const project = await freshProject();
  const { plan, report } = await push(project.connection, project.workspace);
  expect(plan.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  expect(report.failed).toEqual([]);
  return project;
}

const assetOf = (sandbox: Sandbox, customerKey: string) => [...sandbox.state.sfmc.assets.values()].find((candidate) => candidate.customerKey === customerKey);
const messageFile = (root: string, id: string) => path.join(root, 'templates', id, 'message.yaml');

describe('SFMC push of the example workspace', () => {
  it('creates every asset and definition message.yaml declares, each content before its definition', async () => {
    const { sandbox, workspace, connection } = await freshProject();
    const asset = (customerKey: string) => assetOf(sandbox, customerKey);
    const declared = await exampleObjects();
    expect(declared.length).toBeGreaterThan(0);
    const { plan, report } = await push(connection, workspace);

    expect(plan.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(plan.steps.map((step) => `${step.kind} ${step.key} ${step.action}`).sort()).toEqual(declared.map(({ kind, key }) => `${kind} ${key} create`).sort());
    expect(report.results.map((result) => result.status)).toEqual(plan.steps.map(() => 'done'));
    expect(report.failed).toEqual([]);

    for (const { kind, key } of declared) {
      if (kind === 'asset') expect(asset(key)).toBeDefined();
      else expect(sandbox.state.sfmc.definitions[kind === 'sms-definition' ? 'sms' : 'email'].get(key)).toBeDefined();
    }
    const posts = sandbox.requests.filter((request) => request.method === 'POST' && request.write).map((request) => request.path);
    expect(posts.indexOf('/asset/v1/content/assets')).toBeLessThan(posts.indexOf('/messaging/v1/email/definitions'));
  });

  it('publishes the Handlebars email as an htmlemail asset in flat GTL, and its definition', async () => {
    const { sandbox } = await publishedProject();
    const published = assetOf(sandbox, 'txkit-password-reset')!;
    expect(published.assetType).toMatchObject({ id: 208, name: 'htmlemail' });
    const views = published.views as Record<string, { content: string }>;
    expect(views.subjectline!.content).toBe('Reset your Northwind password');
    expect(views.preheader!.content).toBe('This link expires in {{ expires_in_minutes }} minutes.');
    expect(views.html!.content).toContain('{{#if first_name}}Hi {{first_name}},{{else}}Hello,{{/if}}');
    expect(views.html!.content).toContain('href="{{reset_url}}"');
    expect(views.text!.content).toContain('{{email}}');
    for (const view of Object.values(views)) expect(view.content).not.toMatch(/customer\.|trigger\.|<mj-/);

    expect(sandbox.state.sfmc.definitions.email.get('password-reset')).toMatchObject({
      name: 'Password reset',
      classification: 'Default Transactional',
      status: 'Active',
      content: { customerKey: 'txkit-password-reset' },
      options: { trackLinks: false },
    });
    const created = sandbox.requests.find((request) => request.method === 'POST' && request.path === '/messaging/v1/email/definitions')!;
    expect(JSON.stringify(created.body)).not.toContain('createJourney');
  });

  it('publishes the SMS definitions with their text in AMPscript and their subscription', async () => {
    const { sandbox } = await publishedProject();
    // Attributes not declared `profile: true` are read with AttributeValue (issue 14 fix 3: SFMC
    // refuses a definition whose %%name%% is no profile or data-extension field, error 109124).
    expect(sandbox.state.sfmc.definitions.sms.get('order-confirmation-sms')).toMatchObject({
      content: {
        message:
          '%%[ SET @order_id = AttributeValue("order_id") ]%%%%[ SET @order_url = AttributeValue("order_url") ]%%' +
          'Northwind: order %%=v(@order_id)=%% is confirmed. Details: %%=v(@order_url)=%%',
      },
      // Written with countryCode US; read back empty, as recorded (testExisting_tsms/get-response.json).
      subscriptions: { shortCode: '88000', keyword: 'ORDERS', countryCode: '' },
    });
    expect(sandbox.state.sfmc.definitions.sms.get('shipping-update-sms')!.content).toEqual({
      message:
        '%%[ SET @first_name = AttributeValue("first_name") ]%%%%[ SET @order_id = AttributeValue("order_id") ]%%' +
        '%%[ SET @carrier = AttributeValue("carrier") ]%%%%[ SET @eta = AttributeValue("eta") ]%%' +
        '%%[ SET @tracking_url = AttributeValue("tracking_url") ]%%' +
        'Hi %%=v(@first_name)=%%, Northwind order %%=v(@order_id)=%% has shipped with %%=v(@carrier)=%%.' +
        '%%[ IF NOT Empty(@eta) THEN ]%% Arriving %%=v(@eta)=%%.%%[ ENDIF ]%% Track: %%=v(@tracking_url)=%%',
    });
  });

  it('makes zero write requests when pushed again unchanged', async () => {
    const { sandbox, workspace, connection } = await publishedProject();
    const from = sandbox.requests.length;
    const { plan, report } = await push(connection, workspace);
    expect(plan.steps.map((step) => step.action)).toEqual(plan.steps.map(() => 'unchanged'));
    expect(report.results.map((result) => result.status)).toEqual(plan.steps.map(() => 'unchanged'));
    expect(writesSince(sandbox, from)).toEqual([]);
    expect(sandbox.requests.length).toBeGreaterThan(from); // it did read the remote state
  });

  it('updates exactly the one asset whose subject changed, with one PATCH', async () => {
    const { sandbox, root, connection } = await publishedProject();
    const asset = (customerKey: string) => assetOf(sandbox, customerKey);
    await editFile(messageFile(root, 'password-reset'), (text) =>
      text.replace('subject: "Reset your Northwind password"', 'subject: "Your Northwind password reset link"'),
    );
    const workspace = await openWorkspace(root);
    const from = sandbox.requests.length;
    const { plan, report } = await push(connection, workspace);

    const updates = plan.steps.filter((step) => step.action !== 'unchanged');
    expect(updates.map((step) => [step.kind, step.key, step.changes.map((change) => change.path)])).toEqual([
      ['asset', 'txkit-password-reset', ['views.subjectline.content']],
    ]);
    expect(updates[0]!.changes[0]).toMatchObject({ before: 'Reset your Northwind password', after: 'Your Northwind password reset link' });
    expect(report.failed).toEqual([]);
    const writes = writesSince(sandbox, from);
    expect(writes.map((write) => `${write.method} ${write.path}`)).toEqual([`PATCH /asset/v1/content/assets/${asset('txkit-password-reset')!.id}`]);
    expect((asset('txkit-password-reset')!.views as Record<string, { content: string }>).subjectline!.content).toBe('Your Northwind password reset link');

    const again = sandbox.requests.length;
    await push(connection, workspace);
    expect(writesSince(sandbox, again)).toEqual([]);
  });

  it('updates a definition with a PATCH that never sends definitionKey or createJourney', async () => {
    const { sandbox, root, connection } = await publishedProject();
    await editFile(messageFile(root, 'password-reset'), (text) => text.replace('trackLinks: false', 'trackLinks: true'));
    const workspace = await openWorkspace(root);
    const from = sandbox.requests.length;
    await push(connection, workspace);
    const writes = writesSince(sandbox, from);
    expect(writes.map((write) => `${write.method} ${write.path}`)).toEqual(['PATCH /messaging/v1/email/definitions/password-reset']);
    const body = writes[0]!.body as Record<string, unknown>;
    expect(body).not.toHaveProperty('definitionKey');
    expect(body.options).toEqual({ trackLinks: true });
    expect(sandbox.state.sfmc.definitions.email.get('password-reset')).toMatchObject({ options: { trackLinks: true } });
  });

  it('keeps one token across pushes, and refreshes it once when SFMC expires it', async () => {
    const { sandbox, root } = await publishedProject();
    const tokenCalls = () => sandbox.requests.filter((request) => request.kind === 'auth').length;
    expect(tokenCalls()).toBe(1);
    sandbox.expireTokens();
    await editFile(path.join(root, 'templates', 'shipping-update', 'sms.txt'), (text) => text.replace('has shipped', 'is on its way'));
    const workspace = await openWorkspace(root);
    // One request at a time, so exactly one of them meets the expired token.
    const serial = await connect(workspace, sandbox, { concurrency: 1 });
    const from = sandbox.requests.length;
    expect(tokenCalls()).toBe(2); // the new connection's own
    sandbox.expireTokens();
    const { report } = await push(serial, workspace, 1);

    const log = sandbox.requests.slice(from);
    expect(log.filter((request) => request.status === 401)).toHaveLength(1);
    expect(log.filter((request) => request.kind === 'auth')).toHaveLength(1);
    const refreshedAt = log.findIndex((request) => request.kind === 'auth');
    expect(log[refreshedAt - 1]!.status).toBe(401);
    expect(log.slice(refreshedAt + 1).every((request) => request.status !== null && request.status < 400)).toBe(true);
    expect(report.failed).toEqual([]);
    expect(sandbox.state.sfmc.definitions.sms.get('shipping-update-sms')!.content).toMatchObject({ message: expect.stringContaining('is on its way') });
  });

  it('refuses a message whose templates SFMC cannot run, and publishes the others', async () => {
    const { sandbox, root, connection } = await publishedProject();
    const sms = path.join(root, 'templates', 'shipping-update', 'sms.txt');
    await editFile(sms, (text) => `${text.trimEnd()} {{ trigger.eta | date: "%A" }}`);
    await editFile(messageFile(root, 'order-confirmation'), (text) => text.replace('keyword: ORDERS', 'keyword: ORDERS2'));
    const workspace = await openWorkspace(root);
    const from = sandbox.requests.length;
    const { plan, report } = await push(connection, workspace);

    expect(plan.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'sfmc/unsupported-construct', severity: 'error', file: sms, line: 1, message: expect.stringContaining('`date`') }),
    ]);
    expect(plan.steps.some((step) => step.messageId === 'shipping-update')).toBe(false);
    expect(sandbox.state.sfmc.definitions.sms.get('shipping-update-sms')!.content).toMatchObject({ message: expect.not.stringContaining('date') });
    expect(report.published).toContain('order-confirmation');
    // The keyword is the French definition's too.
    expect(
      writesSince(sandbox, from)
        .map((write) => write.path)
        .sort(),
    ).toEqual(['/messaging/v1/sms/definitions/order-confirmation-sms', '/messaging/v1/sms/definitions/order-confirmation-sms-fr']);
  });
});
