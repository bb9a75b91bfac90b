import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { customerioSeedFor } from '../../src/sandbox/index.js';
import { loadConfig, loadWorkspace } from '../../src/workspace/index.js';
import { useSandboxes } from '../helpers/sandboxes.js';
import { call } from './http.js';

/**
 * `POST /v1/send/whatsapp` as https://docs.customer.io/integrations/api/app/tag/send-messages/sendWhatsApp/
 * documents it: `transactional_message_id`, `identifiers` (one of id, email, cio_id) and `to`
 * ("E.164 format, like +15551234567, or Liquid") are required; a send is answered with its
 * `delivery_id` and `queued_at`, the outcome being Customer.io's to report later.
 */

const repoRoot = path.resolve(import.meta.dirname, '../..');
const startSandbox = useSandboxes();

/** The sandbox over the example workspace, seeded as `txkit sandbox` seeds it; profiles from the standard sample. */
async function exampleSandbox() {
  const { config } = await loadConfig(repoRoot);
  const sandbox = await startSandbox({ workspace: { config, profileSample: 'standard' }, sendProcessingMs: 0 });
  sandbox.seed(customerioSeedFor((await loadWorkspace(config)).messages));
  return sandbox;
}

const sample = async () =>
  JSON.parse(await readFile(path.join(repoRoot, 'templates/shipping-update/samples/standard.json'), 'utf8')) as {
    customer: { first_name: string };
    trigger: Record<string, string>;
  };

describe('sandbox: Customer.io transactional WhatsApp', () => {
  it("sends shipping-update's WhatsApp template, answers with a delivery, and keeps it rendered in the outbox", async () => {
    const sandbox = await exampleSandbox();
    const { trigger, customer } = await sample();
    const answer = await call(sandbox, 'POST', '/v1/send/whatsapp', {
      auth: sandbox.options.customerio.transactionalApiKey,
      body: { transactional_message_id: 107, identifiers: { id: 'sam' }, to: '+14155552671', message_data: trigger },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ delivery_id: expect.any(String), queued_at: expect.any(Number) });

    const [entry] = sandbox.outbox.entries();
    expect(entry).toMatchObject({
      platform: 'customerio',
      channel: 'whatsapp',
      templateKey: '107',
      messageKey: answer.body.delivery_id,
      recipient: '+14155552671',
      message: 'shipping-update',
      outcome: { status: 'sent' },
      whatsapp: { to: '+14155552671', header: { text: `Order ${trigger.order_id} has shipped` }, rendered: true },
    });
    // whatsapp.txt with the sample's data, formatting markers as sent.
    expect(entry!.whatsapp!.body.text).toContain(
      `Hi *${customer.first_name}*, your Northwind order _${trigger.order_id}_ is on its way with ${trigger.carrier}.`,
    );
    expect(entry!.whatsapp!.buttons).toEqual([{ type: 'url', label: expect.objectContaining({ text: 'Track your parcel' }), url: trigger.tracking_url }]);

    const delivery = await call(sandbox, 'GET', `/v1/messages/${answer.body.delivery_id}`, { auth: sandbox.options.customerio.appApiKey });
    expect(delivery.status).toBe(200);
    expect(delivery.body.message).toMatchObject({ id: answer.body.delivery_id, msg_template_id: 107, recipient: '+14155552671', type: 'whatsapp' });
    expect(delivery.body.message.metrics.sent).toEqual(expect.any(Number));
  });

  it('refuses a send without to, without a template, to a number not in E.164, or naming an SMS template', async () => {
    const sandbox = await exampleSandbox();
    const valid = { transactional_message_id: 107, identifiers: { id: 'sam' }, to: '+14155552671' };
    const { to: _to, ...withoutTo } = valid;
    const { transactional_message_id: _id, ...withoutTemplate } = valid;
    const cases: [string, Record<string, unknown>][] = [
      ['to is required', withoutTo],
      ['transactional_message_id is required', withoutTemplate],
      ['E.164', { ...valid, to: '(415) 555-2671' }],
      ['no transactional whatsapp message 104', { ...valid, transactional_message_id: 104 }],
      ['identifiers', { ...valid, identifiers: {} }],
    ];
    for (const [error, body] of cases) {
      const answer = await call(sandbox, 'POST', '/v1/send/whatsapp', { auth: sandbox.options.customerio.transactionalApiKey, body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.meta.error).toContain(error);
    }
    expect(sandbox.state.customerio.deliveries).toEqual([]);
    expect(sandbox.outbox.entries().map((entry) => [entry.channel, entry.outcome.status])).toEqual(cases.map(() => ['whatsapp', 'refused']));
  });
});
