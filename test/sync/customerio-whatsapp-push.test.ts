import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/index.js';
import { positionOf } from '../helpers/text-position.js';
import { useSandboxes } from '../helpers/sandboxes.js';
import { connect, copyExamples, editFile, emptyWorkspace, openWorkspace, push, sandboxEnv, writeMessage } from './customerio-fixtures.js';

/**
 * Customer.io's App API reference documents no WhatsApp content fields; txkit models a WhatsApp
 * variant as content of type `whatsapp` whose `body` is whatsapp.txt and whose `recipient` is
 * `whatsapp.to` (docs/whatsapp.md, "Publishing to Customer.io"). These tests hold the emulator to
 * that model over HTTP and the workspace to real files.
 */

const startSandbox = useSandboxes();

/** The WhatsApp transactional message shipping-update names, as created once in Customer.io's UI. */
const whatsappSeed = { id: 107, name: 'Shipping update WhatsApp', contents: [{ id: 1070, type: 'whatsapp' as const, body: 'placeholder' }] };

async function contentsOverHttp(sandbox: Sandbox, id: number): Promise<{ type: string; body: string; recipient: string }[]> {
  const response = await fetch(new URL(`v1/transactional/${id}/contents`, sandbox.url), {
    headers: { authorization: `Bearer ${sandbox.options.customerio.appApiKey}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { contents: { type: string; body: string; recipient: string }[] }).contents;
}

/** The example workspace, shipping-update only (its WhatsApp target is 107). */
async function shippingUpdate() {
  const sandbox = await startSandbox();
  sandbox.seed({ customerio: { messages: [whatsappSeed, { id: 104, name: 'Shipping update SMS', contents: [{ id: 1040, type: 'twilio' }] }] } });
  const workspaceDir = await copyExamples();
  const workspace = await openWorkspace(workspaceDir);
  const messages = workspace.messages.filter((message) => message.id === 'shipping-update');
  return { sandbox, workspaceDir, messages, connection: await connect(workspace, sandboxEnv(sandbox)) };
}

describe('Customer.io push of a WhatsApp message', () => {
  it("writes shipping-update's whatsapp.txt and whatsapp.to to its WhatsApp content, and a second push writes nothing", async () => {
    const { sandbox, workspaceDir, messages, connection } = await shippingUpdate();
    const { plan, report } = await push(connection, { ...(await openWorkspace(workspaceDir)), messages });
    expect(plan.steps.map((step) => `${step.kind} ${step.key} ${step.action}`).sort()).toEqual([
      'sms-content 104/content/1040 update',
      'whatsapp-content 107/content/1070 update',
    ]);
    expect(report.failed).toEqual([]);

    const body = await readFile(path.join(workspaceDir, 'shipping-update', 'whatsapp.txt'), 'utf8');
    expect(await contentsOverHttp(sandbox, 107)).toEqual([
      expect.objectContaining({ type: 'whatsapp', body: body.trimEnd(), recipient: '{{ customer.phone }}' }),
    ]);

    const before = sandbox.requests.length;
    const again = await push(connection, { ...(await openWorkspace(workspaceDir)), messages });
    expect(again.plan.steps.map((step) => step.action)).toEqual(['unchanged', 'unchanged']);
    expect(sandbox.requests.slice(before).filter((request) => request.write)).toEqual([]);
  });

  it('says that header, footer and buttons stay in Customer.io, and that a changed body needs Meta approval again', async () => {
    const { workspaceDir, messages, connection } = await shippingUpdate();
    const file = path.join(workspaceDir, 'shipping-update', 'message.yaml');
    const yaml = await readFile(file, 'utf8');
    const first = await connection.plan(messages);
    const notes = (plan: typeof first) => plan.diagnostics.map(({ ruleId, severity, file, line, column }) => ({ ruleId, severity, file, line, column }));
    // whatsapp: is followed by body and to; header is the first part push leaves out.
    expect(notes(first)).toEqual([
      { ruleId: 'customerio/whatsapp-template-parts', severity: 'info', file, ...positionOf(yaml, 'header:') },
      {
        ruleId: 'customerio/whatsapp-reapproval',
        severity: 'warning',
        file,
        ...positionOf(yaml, '107'),
      },
    ]);
    expect(first.diagnostics[0]!.message).toContain('whatsapp.header, whatsapp.footer, whatsapp.buttons are not pushed');

    await push(connection, { ...(await openWorkspace(workspaceDir)), messages });
    // Published: nothing to approve again, the parts left out still said.
    expect(notes(await connection.plan(messages)).map((note) => note.ruleId)).toEqual(['customerio/whatsapp-template-parts']);

    await editFile(path.join(workspaceDir, 'shipping-update', 'whatsapp.txt'), (text) => text.replace('is on its way', 'has left our warehouse'));
    const edited = (await openWorkspace(workspaceDir)).messages.filter((message) => message.id === 'shipping-update');
    const plan = await connection.plan(edited);
    expect(plan.steps.find((step) => step.kind === 'whatsapp-content')?.changes.map((change) => change.path)).toEqual(['body']);
    expect(notes(plan).map((note) => note.ruleId)).toEqual(['customerio/whatsapp-template-parts', 'customerio/whatsapp-reapproval']);
  });

  it('reports a WhatsApp target pointing at an email message, at its id in message.yaml', async () => {
    const sandbox = await startSandbox();
    sandbox.seed({ customerio: { messages: [{ id: 12, name: 'Receipt', contents: [{ id: 120, type: 'email' }] }] } });
    const workspaceDir = await emptyWorkspace();
    const yaml = 'name: Parcel\nwhatsapp:\n  to: "{{ customer.phone }}"\ntargets:\n  customerio:\n    whatsapp:\n      transactionalMessageId: 12\n';
    const dir = await writeMessage(workspaceDir, 'parcel', { 'message.yaml': yaml, 'whatsapp.txt': 'Your parcel is on its way.\n' });
    const workspace = await openWorkspace(workspaceDir);
    const plan = await (await connect(workspace, sandboxEnv(sandbox))).plan(workspace.messages);
    expect(plan.steps).toEqual([]);
    expect(plan.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'customerio/channel-mismatch',
        severity: 'error',
        file: path.join(dir, 'message.yaml'),
        ...positionOf(yaml, '12'),
        message: 'Customer.io transactional message 12 is not a WhatsApp message (its content is email)',
      }),
    ]);
    expect(sandbox.requests.filter((request) => request.write)).toEqual([]);
  });

  it('reports a WhatsApp target on a message without a whatsapp section', async () => {
    const sandbox = await startSandbox();
    const workspaceDir = await emptyWorkspace();
    const yaml = 'name: Parcel\nsms:\n  to: "{{ customer.phone }}"\ntargets:\n  customerio:\n    whatsapp:\n      transactionalMessageId: 12\n';
    const dir = await writeMessage(workspaceDir, 'parcel', { 'message.yaml': yaml, 'sms.txt': 'Your parcel is on its way.\n' });
    const workspace = await openWorkspace(workspaceDir);
    const plan = await (await connect(workspace, sandboxEnv(sandbox))).plan(workspace.messages);
    expect(plan.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'customerio/missing-channel', file: path.join(dir, 'message.yaml'), ...positionOf(yaml, 'transactionalMessageId') }),
    ]);
  });
});
