import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { useSandboxes } from '../helpers/sandboxes.js';
import { appKey, get, outbox, post, postSend, sfmcToken } from '../helpers/app-requests.js';
import { orderSeed, useOutboxProjects } from './outbox-workspace.js';

describe('sandbox outbox: sends rendered from the workspace', () => {
  const start = useSandboxes();
  const makeProject = useOutboxProjects();

  async function sandboxFor(profileSample?: string) {
    const { config } = await makeProject();
    const sandbox = await start({ workspace: { config, ...(profileSample ? { profileSample } : {}) }, sendProcessingMs: 0 });
    sandbox.seed(orderSeed);
    return sandbox;
  }

  it('renders a Customer.io email from message_data, and fails the delivery on an attribute the data lacks', async () => {
    const sandbox = await sandboxFor();
    // The person is only their identifiers here: the template prints customer.first_name, which they lack.
    const sent = await postSend(sandbox.url, {
      platform: 'customerio',
      channel: 'email',
      messageId: 'ORDER_CONFIRMATION', // the trigger name, case-insensitive
      to: 'ada@example.com',
      identifiers: { email: 'ada@example.com' },
      data: { order_id: 'A-7' },
    });
    // Customer.io accepts the request (200 {delivery_id, queued_at}); the delivery then fails on the
    // missing attribute (https://docs.customer.io/journeys/message-failed: a name missing from the profile).
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ delivery_id: expect.any(String), queued_at: expect.any(Number) });

    const [entry] = await outbox(sandbox.url);
    expect(entry).toMatchObject({
      platform: 'customerio',
      channel: 'email',
      templateKey: 'ORDER_CONFIRMATION',
      messageKey: sent.body.delivery_id,
      recipient: 'ada@example.com',
      message: 'order',
      outcome: { status: 'failed', reason: expect.stringContaining('customer.first_name') },
      request: { method: 'POST', path: '/v1/send/email', body: { message_data: { order_id: 'A-7' } } },
    });
    expect(entry!.email!.subject).toBe('Order A-7');
    expect(entry!.diagnostics.map((diagnostic) => diagnostic.ruleId)).toContain('render/undefined-attribute');

    // App API, GET /v1/messages/{message_id}: the delivery with metrics.failed and its failure_message
    // (https://docs.customer.io/integrations/api/app/tag/messages/getMessage/).
    const delivery = await get(sandbox.url, `/v1/messages/${sent.body.delivery_id}`, appKey);
    expect(delivery.status).toBe(200);
    expect(delivery.body.message).toMatchObject({
      id: sent.body.delivery_id,
      recipient: 'ada@example.com',
      subject: 'Order A-7',
      type: 'email',
      msg_template_id: 7,
    });
    expect(delivery.body.message.metrics).toEqual({ failed: expect.any(Number) });
    expect(delivery.body.message.failure_message).toContain('customer.first_name');
  });

  it('takes the profile from the sample named for it, and sends', async () => {
    const sandbox = await sandboxFor('standard');
    const sent = await postSend(sandbox.url, { platform: 'customerio', channel: 'email', messageId: 7, to: 'ada@example.com', data: { order_id: 'A-8' } });
    expect(sent.status).toBe(200);
    const [entry] = await outbox(sandbox.url);
    expect(entry!.outcome).toEqual({ status: 'sent' });
    expect(entry!.email!.html).toContain('<p>Hi Ada, order A-8 is confirmed.</p>');
    expect(entry!.email!.from).toBe('Shop <shop@example.com>');
    const delivery = await get(sandbox.url, `/v1/messages/${sent.body.delivery_id}`, appKey);
    expect(delivery.body.message.metrics).toEqual({ sent: expect.any(Number) });
    expect(delivery.body.message.failure_message).toBeNull();
  });

  it('renders a Customer.io SMS with its segments, to the profile phone, and refuses a `to` that is not E.164', async () => {
    const sandbox = await sandboxFor('standard');
    const sent = await postSend(sandbox.url, { platform: 'customerio', channel: 'sms', messageId: 8, data: { order_id: 'B-2' } });
    expect(sent.status).toBe(200);
    const [entry] = await outbox(sandbox.url);
    expect(entry).toMatchObject({ channel: 'sms', recipient: '+14155552671', outcome: { status: 'sent' } });
    // "Order B-2 shipped." is 18 GSM-7 characters: one segment (shared/docs/sms.md).
    expect(entry!.sms).toMatchObject({ text: 'Order B-2 shipped.', to: '+14155552671', analysis: { encoding: 'GSM-7', characters: 18, segments: 1 } });

    // Customer.io sends SMS to E.164 numbers (shared/reference/customerio-transactional-sms.md, "The to parameter").
    const refused = await postSend(sandbox.url, { platform: 'customerio', channel: 'sms', messageId: 8, to: '415 555 2671', data: { order_id: 'B-3' } });
    expect(refused.status).toBe(400);
    expect(refused.body.meta.error).toMatch(/E\.164/);
    const [latest] = await outbox(sandbox.url);
    expect(latest!.outcome).toMatchObject({ status: 'refused', httpStatus: 400 });
    expect(latest!.sms).toBeUndefined();
  });

  it('renders an SFMC email from recipient.attributes; an attribute the data lacks prints empty and the send is Sent', async () => {
    const sandbox = await sandboxFor();
    const token = await sfmcToken(sandbox.url);
    const sent = await postSend(sandbox.url, {
      platform: 'sfmc',
      channel: 'email',
      token,
      messageKey: 'key-1',
      definitionKey: 'order',
      to: 'grace@example.com',
      attributes: { first_name: 'Grace', order_id: 'S-1' },
    });
    expect(sent.status).toBe(202);
    const missing = await postSend(sandbox.url, {
      platform: 'sfmc',
      channel: 'email',
      token,
      messageKey: 'key-2',
      definitionKey: 'order',
      contactKey: 'c-2',
      to: 'alan@example.com',
      attributes: { order_id: 'S-2' },
    });
    expect(missing.status).toBe(202);

    const [second, first] = await outbox(sandbox.url); // newest first
    expect(first).toMatchObject({
      platform: 'sfmc',
      channel: 'email',
      templateKey: 'order',
      messageKey: 'key-1',
      recipient: 'grace@example.com',
      outcome: { status: 'sent' },
    });
    expect(first!.email!.html).toContain('<p>Hi Grace, order S-1 is confirmed.</p>');
    // AttributeValue and %%name%% give "" for an attribute the send lacks (shared/docs/platform-api.md, "AMPscript").
    expect(second!.email!.html).toContain('<p>Hi , order S-2 is confirmed.</p>');
    expect(second!.outcome).toEqual({ status: 'sent' });
    expect(second!.diagnostics.find((diagnostic) => diagnostic.ruleId === 'render/undefined-attribute')?.severity).toBe('warning');
    const status = await get(sandbox.url, '/messaging/v1/email/messages/key-2', token);
    expect(status.body.eventCategoryType).toBe('TransactionalSendEvents.EmailSent');
  });

  it("answers SFMC's refusals with its codes and keeps them in the outbox: unknown definition, invalid to, duplicate messageKey", async () => {
    const sandbox = await sandboxFor();
    const token = await sfmcToken(sandbox.url);
    const sms = (messageKey: string, to: string, definitionKey = 'order-sms') =>
      postSend(sandbox.url, { platform: 'sfmc', channel: 'sms', token, messageKey, definitionKey, to, attributes: { order_id: 'S-3' } });

    // shared/docs/platform-api.md: 404 / 30003 for a missing object, 109121 InvalidValue_to, 109110 DuplicateMessageKey.
    const unknown = await sms('k-1', '14155552671', 'no-such-definition');
    expect([unknown.status, unknown.body.errorcode]).toEqual([404, 30003]);
    const badTo = await sms('k-2', 'not-a-number');
    expect([badTo.status, badTo.body.errorcode]).toEqual([400, 109121]);
    expect((await sms('k-3', '14155552671')).status).toBe(202);
    const duplicate = await sms('k-3', '14155552671');
    expect([duplicate.status, duplicate.body.errorcode]).toEqual([400, 109110]);

    const entries = await outbox(sandbox.url);
    expect(entries.map((entry) => [entry.messageKey, entry.outcome.status, 'errorCode' in entry.outcome ? entry.outcome.errorCode : undefined])).toEqual([
      ['k-3', 'refused', 109110],
      ['k-3', 'sent', undefined],
      ['k-2', 'refused', 109121],
      ['k-1', 'refused', 30003],
    ]);
    expect(entries[1]!.sms!.text).toBe('Order S-3 shipped.');
    // The send names its recipient: the message's `to` template ({{ customer.phone }}) plays no part.
    expect(entries[1]!.sms!.to).toBe('14155552671');
    expect(entries[1]!.diagnostics).toEqual([]);
  });

  it('takes a messageKey at once: of two concurrent sends with one key, the second is the duplicate', async () => {
    const sandbox = await sandboxFor();
    const token = await sfmcToken(sandbox.url);
    const send = () =>
      postSend(sandbox.url, {
        platform: 'sfmc',
        channel: 'email',
        token,
        messageKey: 'same-key',
        definitionKey: 'order',
        to: 'ada@example.com',
        attributes: { order_id: 'X' },
      });
    const answers = await Promise.all([send(), send()]);
    expect(answers.map((answer) => answer.body.errorcode).sort()).toEqual([0, 109110]);
  });

  it('sends an SFMC batch one entry per recipient; a refused recipient gives 109001 with its own code', async () => {
    const sandbox = await sandboxFor();
    const token = await sfmcToken(sandbox.url);
    const sent = await post(sandbox.url, '/messaging/v1/email/messages/', token, {
      definitionKey: 'order',
      attributes: { order_id: 'BATCH-1' },
      recipients: [
        { contactKey: 'c-1', to: 'ada@example.com', messageKey: 'b-1', attributes: { first_name: 'Ada' } },
        { contactKey: 'c-2', to: 'no-at-sign', messageKey: 'b-2' },
      ],
    });
    // 109001 MCMS_UTM_ResponsesHasErrors (https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/transactional-send-response).
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ errorcode: 109001, responses: [{ messageKey: 'b-1' }, { messageKey: 'b-2', errorcode: 109121 }] });
    const [refused, accepted] = await outbox(sandbox.url);
    expect(accepted!.email!.html).toContain('Hi Ada, order BATCH-1 is confirmed.');
    expect(refused!.outcome).toMatchObject({ status: 'refused', errorCode: 109121 });
  });

  it('answers the outbox only to requests naming the loopback (no DNS-rebinding page reads it)', async () => {
    const sandbox = await sandboxFor();
    const statusFor = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL('/__txkit/outbox', sandbox.url);
        request(url, { headers: { Host: host } }, (answer) => {
          answer.resume();
          resolve(answer.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
    const port = new URL(sandbox.url).port;
    expect(await statusFor(`attacker.example:${port}`)).toBe(403);
    expect(await statusFor(`localhost:${port}`)).toBe(200);
    expect(await statusFor(`127.0.0.1:${port}`)).toBe(200);
  });

  it('renders the workspace as it is at each send: a template broken since ends the next SFMC send NotSent', async () => {
    const { project, config } = await makeProject();
    const sandbox = await start({ workspace: { config }, sendProcessingMs: 0 });
    sandbox.seed(orderSeed);
    const token = await sfmcToken(sandbox.url);
    const send = (messageKey: string) =>
      postSend(sandbox.url, {
        platform: 'sfmc',
        channel: 'email',
        token,
        messageKey,
        definitionKey: 'order',
        to: 'ada@example.com',
        attributes: { first_name: 'Ada', order_id: 'E-1' },
      });
    expect((await send('before')).status).toBe(202);
    await project.write({ 'templates/order/email.html': '<p>Hi {{ customer.first_name | no_such_filter }}</p>\n' });
    // Accepted at once (202): SFMC builds the message afterwards, and a build that fails ends NotSent.
    expect((await send('after')).status).toBe(202);

    const [after, before] = await outbox(sandbox.url);
    expect(before!.outcome).toEqual({ status: 'sent' });
    expect(after!.outcome).toMatchObject({ status: 'failed', reason: expect.stringContaining('no_such_filter') });
    const status = await get(sandbox.url, '/messaging/v1/email/messages/after', token);
    // shared/docs/platform-api.md, Sends: GET status → TransactionalSendEvents.EmailNotSent with info.statusMessage.
    expect(status.body).toMatchObject({
      eventCategoryType: 'TransactionalSendEvents.EmailNotSent',
      info: { messageKey: 'after', statusMessage: expect.stringContaining('no_such_filter') },
    });
  });

  it('keeps the newest sends up to the limit', async () => {
    const { config } = await makeProject();
    const sandbox = await start({ workspace: { config }, outbox: { limit: 2 } });
    sandbox.seed(orderSeed);
    for (const order of ['1', '2', '3']) {
      await postSend(sandbox.url, { platform: 'customerio', channel: 'sms', messageId: 8, to: '+14155552671', data: { order_id: order } });
    }
    expect((await outbox(sandbox.url)).map((entry) => entry.sms?.text)).toEqual(['Order 3 shipped.', 'Order 2 shipped.']);
  });
});
