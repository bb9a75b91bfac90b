import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/index.js';
import { useSandboxes } from '../helpers/sandboxes.js';
import { connect, emptyWorkspace, openWorkspace, sandboxEnv, writeMessage } from './customerio-fixtures.js';

// Issue 14 fix 7: Customer.io's documented `GET /v1/transactional` answer has no trigger_name
// (https://docs.customer.io/integrations/api/app/tag/transactional/listTransactional/: id, name,
// description, send_to_unsubscribed, link_tracking, open_tracking, hide_message_body,
// queue_drafts, created_at, updated_at).

const startSandbox = useSandboxes();

async function seededSandbox(): Promise<Sandbox> {
  const sandbox = await startSandbox();
  sandbox.seed({
    customerio: {
      messages: [
        { id: 3, name: 'Welcome', contents: [{ id: 30, type: 'twilio', body: 'Hi' }] },
        {
          id: 4,
          name: 'Login code',
          trigger_name: 'login_code',
          contents: [{ id: 40, type: 'twilio', body: 'Old {{trigger.code}}', recipient: '{{customer.phone}}' }],
        },
      ],
    },
  });
  return sandbox;
}

const smsYaml = (reference: string, settings = '') =>
  `name: Login code\nsms:\n  to: "{{customer.phone}}"\ntargets:\n  customerio:\n    sms:\n      transactionalMessageId: ${reference}\n${settings}`;

describe('Customer.io trigger names', () => {
  it('the emulator lists messages without trigger_name, as documented', async () => {
    const sandbox = await seededSandbox();
    const response = await fetch(new URL('v1/transactional', sandbox.url), { headers: { authorization: `Bearer ${sandbox.options.customerio.appApiKey}` } });
    const { messages } = (await response.json()) as { messages: Record<string, unknown>[] };
    expect(messages.map((message) => message.id)).toEqual([3, 4]);
    for (const message of messages) expect(message).not.toHaveProperty('trigger_name');
  });

  it('publishes a target named by its trigger name, found by reading the listed messages by id', async () => {
    const sandbox = await seededSandbox();
    const workspaceDir = await emptyWorkspace();
    await writeMessage(workspaceDir, 'login-code', { 'message.yaml': smsYaml('LOGIN_CODE'), 'sms.txt': 'Your code is {{trigger.code}}\n' });
    const workspace = await openWorkspace(workspaceDir);
    const plan = await (await connect(workspace, sandboxEnv(sandbox))).plan(workspace.messages);
    expect(plan.diagnostics).toEqual([]);
    expect(plan.steps.map((step) => [step.key, step.action])).toEqual([['4/content/40', 'update']]);
  });

  it('reports no triggerName drift when the message read by id does not say its trigger name', async () => {
    const sandbox = await seededSandbox();
    const workspaceDir = await emptyWorkspace();
    // Message 3 has no trigger name the API reports: the setting cannot be compared, so it is not drift.
    await writeMessage(workspaceDir, 'welcome', { 'message.yaml': smsYaml('3', '      settings:\n        triggerName: welcome\n'), 'sms.txt': 'Hi\n' });
    const workspace = await openWorkspace(workspaceDir);
    const plan = await (await connect(workspace, sandboxEnv(sandbox))).plan(workspace.messages);
    expect(plan.diagnostics).toEqual([]);
    expect(plan.drift).toEqual([]);
  });
});
