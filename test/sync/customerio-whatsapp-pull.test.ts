import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CustomerioContentSeed } from '../../src/sandbox/index.js';
import { useSandboxes } from '../helpers/sandboxes.js';
import { connect, copyExamples, exampleSeeds, openWorkspace, sandboxEnv, writeMessage } from './customerio-fixtures.js';

/**
 * A remote WhatsApp transactional message (content of type `whatsapp`, txkit's modelling:
 * docs/whatsapp.md) becomes a folder with whatsapp.txt, a `whatsapp` section and
 * `targets.customerio.whatsapp`; pushed back unchanged, it makes no write.
 */

const startSandbox = useSandboxes();

const remoteBody = 'Hi *{{ customer.first_name }}*, your table for {{ trigger.guests }} is booked.\n\nSee you at _{{ trigger.time }}_!';

async function pullFresh(translations: CustomerioContentSeed[] = []) {
  const sandbox = await startSandbox();
  sandbox.seed({
    customerio: {
      messages: [
        ...(await exampleSeeds()),
        {
          id: 301,
          name: 'Table booked',
          link_tracking: false,
          contents: [{ id: 3010, type: 'whatsapp', body: remoteBody, recipient: '{{ customer.mobile }}' }, ...translations],
        },
      ],
    },
  });
  const workspaceDir = await copyExamples();
  const workspace = await openWorkspace(workspaceDir);
  const connection = await connect(workspace, sandboxEnv(sandbox));
  return { sandbox, workspaceDir, connection, pulled: await connection.pull!(workspace.messages) };
}

describe('Customer.io pull of a WhatsApp message', () => {
  it('creates a folder with whatsapp.txt, the whatsapp section and its target, and nothing for the WhatsApp message the examples publish', async () => {
    const { pulled } = await pullFresh();
    expect(pulled.diagnostics).toEqual([]);
    // shipping-update already publishes to 107, the examples' WhatsApp message.
    expect(pulled.messages.map((message) => message.id)).toEqual(['table-booked']);
    const { files } = pulled.messages[0]!;
    expect(files['whatsapp.txt']).toBe(`${remoteBody}\n`);
    const yaml = parse(files['message.yaml']!);
    expect(yaml).toMatchObject({
      name: 'Table booked',
      engine: 'liquid',
      whatsapp: { body: 'whatsapp.txt', to: '{{ customer.mobile }}' },
      targets: { customerio: { whatsapp: { transactionalMessageId: 301, settings: { linkTracking: false } } } },
    });
    expect(yaml.email).toBeUndefined();
    expect(files['message.yaml']).toContain("header, footer and buttons are kept in Customer.io's UI");
    expect(JSON.parse(files['samples/example.json']!)).toEqual({ customer: { first_name: '', mobile: '' }, trigger: { guests: '', time: '' } });
  });

  it('leaves a WhatsApp language variant in Customer.io, with a warning, since the workspace has no WhatsApp translations', async () => {
    const { pulled } = await pullFresh([{ id: 3011, type: 'whatsapp', language: 'fr', body: 'Bonjour *{{ customer.first_name }}* !' }]);
    expect(pulled.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'customerio/pulled-language',
        severity: 'warning',
        message: expect.stringContaining('WhatsApp content for "fr"'),
      }),
    ]);
    const { files } = pulled.messages[0]!;
    expect(Object.keys(files).sort()).toEqual(['message.yaml', 'samples/example.json', 'whatsapp.txt']);
    expect(files['whatsapp.txt']).toBe(`${remoteBody}\n`);
  });

  it('round-trips: the pulled folder loads cleanly and plans as unchanged, with no drift and no write', async () => {
    const { sandbox, workspaceDir, connection, pulled } = await pullFresh();
    const [folder] = pulled.messages;
    await writeMessage(workspaceDir, folder!.id, folder!.files);
    const reloaded = await openWorkspace(workspaceDir);
    const message = reloaded.messages.find((candidate) => candidate.id === 'table-booked')!;
    expect(message.diagnostics).toEqual([]);

    const before = sandbox.requests.length;
    const plan = await connection.plan([message]);
    expect(plan.diagnostics).toEqual([]);
    expect(plan.drift).toEqual([]);
    expect(plan.steps.map((step) => [step.kind, step.key, step.action])).toEqual([['whatsapp-content', '301/content/3010', 'unchanged']]);
    expect(sandbox.requests.slice(before).filter((request) => request.write)).toEqual([]);
  });
});
