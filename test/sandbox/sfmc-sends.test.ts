import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.js';
import { useSandboxes } from '../helpers/sandboxes.js';
import { call, htmlEmail, sfmcToken } from './http.js';

const HOUR = 60 * 60 * 1000;

describe('sandbox: transactional sends', () => {
  // Sends keep their messageKeys and the clock moves: each test gets its own emulator and clock.
  const startSandbox = useSandboxes();
  async function setup() {
    const world = { clock: 1_700_000_000_000, token: '' };
    const sandbox = await startSandbox({ sendProcessingMs: 500, now: () => world.clock });
    sandbox.seed({
      sfmc: {
        assets: [htmlEmail('welcome-email')],
        emailDefinitions: [
          { definitionKey: 'welcome', name: 'Welcome', content: { customerKey: 'welcome-email' }, subscriptions: { list: 'All Subscribers' } },
        ],
        smsDefinitions: [{ definitionKey: 'otp', name: 'OTP', content: { message: 'Code %%code%%' }, subscriptions: { shortCode: '12345', keyword: 'OTP' } }],
      },
    });
    world.token = await sfmcToken(sandbox);
    const sendEmail = (messageKey: string, to = 'ada@example.com', definitionKey = 'welcome') =>
      call(sandbox, 'POST', `/messaging/v1/email/messages/${messageKey}`, {
        auth: world.token,
        body: { definitionKey, recipient: { contactKey: 'ada', to, attributes: { first_name: 'Ada' } } },
      });
    const status = (channel: string, messageKey: string) => call(sandbox, 'GET', `/messaging/v1/${channel}/messages/${messageKey}`, { auth: world.token });
    return { world, sandbox, sendEmail, status };
  }

  it('accepts a send with 202 and reports Queued, then Sent after the processing delay', async () => {
    const { world, sandbox, sendEmail, status } = await setup();
    const sent = await sendEmail('m-1');
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ requestId: expect.any(String), errorcode: 0, responses: [{ messageKey: 'm-1' }] });

    const queued = await status('email', 'm-1');
    expect(queued.body).toMatchObject({
      eventCategoryType: 'TransactionalSendEvents.EmailQueued',
      info: { messageKey: 'm-1', contactKey: 'ada', to: 'ada@example.com' },
    });
    world.clock += 500;
    expect((await status('email', 'm-1')).body.eventCategoryType).toBe('TransactionalSendEvents.EmailSent');
    expect(sandbox.state.sfmc.messages.get('m-1')?.recipient.attributes).toEqual({ first_name: 'Ada' });
  });

  it('refuses a messageKey reused within 72 hours with errorcode 109110', async () => {
    const { world, sandbox, sendEmail } = await setup();
    await sendEmail('m-2');
    const duplicate = await sendEmail('m-2');
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.errorcode).toBe(109110);
    world.clock += 72 * HOUR;
    world.token = await sfmcToken(sandbox); // the old one expired long ago
    expect((await sendEmail('m-2')).status).toBe(202);
  });

  it('refuses a malformed recipient synchronously with 400 / 109121 InvalidValue_to', async () => {
    const { sendEmail, status } = await setup();
    // shared/docs/platform-api.md (send errors): 109121 InvalidValue_to.
    const refused = await sendEmail('m-3', 'not-an-address');
    expect(refused.status).toBe(400);
    expect(refused.body.errorcode).toBe(109121);
    expect((await status('email', 'm-3')).status).toBe(404);
  });

  it('ends EmailNotSent with a numeric status code for an address that cannot be delivered to', async () => {
    const { world, sendEmail, status } = await setup();
    await sendEmail('m-6', 'nobody@example.invalid');
    world.clock += 500;
    const notSent = await status('email', 'm-6');
    expect(notSent.body.eventCategoryType).toBe('TransactionalSendEvents.EmailNotSent');
    expect(notSent.body.info).toMatchObject({ statusCode: expect.any(Number), statusMessage: expect.any(String) });
  });

  it('refuses unknown definitions and answers 404 for unknown messageKeys', async () => {
    const { world, sandbox, sendEmail, status } = await setup();
    const unknown = await sendEmail('m-4', 'ada@example.com', 'nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.errorcode).toBe(30003);
    const missingKey = await call(sandbox, 'POST', '/messaging/v1/email/messages/m-5', { auth: world.token, body: { recipient: {} } });
    expect(missingKey.body.errorcode).toBe(109107);
    expect((await status('email', 'never-sent')).status).toBe(404);
    expect((await sendEmail('m-1')).status).toBe(202);
    expect((await status('email', 'm-1')).status).toBe(200);
    expect((await status('sms', 'm-1')).status).toBe(404); // an email messageKey is not an SMS
  });

  it('sends SMS through an SMS definition', async () => {
    const { world, sandbox, status } = await setup();
    const sent = await call(sandbox, 'POST', '/messaging/v1/sms/messages/s-1', {
      auth: world.token,
      body: { definitionKey: 'otp', recipient: { contactKey: 'ada', to: '15555550100', attributes: { code: '1234' } } },
    });
    expect(sent.status).toBe(202);
    world.clock += 500;
    expect((await status('sms', 's-1')).body.eventCategoryType).toBe('TransactionalSendEvents.SMSSent');
  });
});

describe('sandbox: send attributes the account has no field for', () => {
  // shared/docs/platform-api.md (Sends): 109122 UnknownFieldName.
  it('refuses a send carrying an attribute outside knownAttributes with 400 / 109122, names compared without case', async () => {
    const sandbox = await startSandbox({ sfmc: { knownAttributes: ['First_Name'] } });
    try {
      sandbox.seed({
        sfmc: {
          assets: [htmlEmail('welcome-email')],
          emailDefinitions: [
            { definitionKey: 'welcome', name: 'Welcome', content: { customerKey: 'welcome-email' }, subscriptions: { list: 'All Subscribers' } },
          ],
        },
      });
      const token = await sfmcToken(sandbox);
      const send = (messageKey: string, attributes: Record<string, string>) =>
        call(sandbox, 'POST', `/messaging/v1/email/messages/${messageKey}`, {
          auth: token,
          body: { definitionKey: 'welcome', recipient: { contactKey: 'ada', to: 'ada@example.com', attributes } },
        });
      expect((await send('k-1', { first_name: 'Ada' })).status).toBe(202);
      const refused = await send('k-2', { first_name: 'Ada', debug_note: 'x' });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ errorcode: 109122, message: expect.stringContaining('debug_note') });
      expect(sandbox.state.sfmc.messages.has('k-2')).toBe(false);
    } finally {
      await sandbox.close();
    }
  });
});
