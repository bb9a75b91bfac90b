import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { call, htmlEmail, sfmcToken } from './http.js';

const EMAIL = '/messaging/v1/email/definitions';
const SMS = '/messaging/v1/sms/definitions';

const emailDefinition = (definitionKey: string, name = definitionKey) => ({
  definitionKey,
  name,
  content: { customerKey: 'welcome-email' },
  subscriptions: { list: 'All Subscribers - 277' },
});
const smsDefinition = (definitionKey: string) => ({
  definitionKey,
  name: definitionKey,
  content: { message: 'Your code is %%code%%' },
  subscriptions: { shortCode: '4912312345678', keyword: 'TXKIT' },
});

describe('sandbox: transactional send definitions', () => {
  // Each test gets its own emulator and clock, so none relies on definitions another created.
  let clock: number;
  let sandbox: Sandbox;
  let token: string;
  beforeEach(async () => {
    clock = 1_700_000_000_000;
    sandbox = await startSandbox({ now: () => clock });
    sandbox.seed({ sfmc: { assets: [htmlEmail('welcome-email')] } });
    token = await sfmcToken(sandbox);
  });
  afterEach(() => sandbox.close());

  it('creates an email definition with SFMC defaults, then refuses the same key with 409/30004', async () => {
    const created = await call(sandbox, 'POST', EMAIL, { auth: token, body: emailDefinition('welcome') });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      requestId: expect.any(String),
      definitionKey: 'welcome',
      definitionId: expect.any(String),
      status: 'Active',
      classification: 'Default Transactional',
      content: { customerKey: 'welcome-email' },
      subscriptions: { list: 'All Subscribers - 277', autoAddSubscriber: true, updateSubscriber: true },
      options: { trackLinks: true },
    });
    const duplicate = await call(sandbox, 'POST', EMAIL, { auth: token, body: emailDefinition('welcome', 'other name') });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ errorcode: 30004, documentation: '' });
    expect(duplicate.body.message).toMatch(/^MCMS_UTM_Validation_ObjectAlreadyExists/);
  });

  it('validates definitionKey, name and content, and that the content asset exists', async () => {
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ ...emailDefinition('x'), definitionKey: undefined }, 109107, /MissingRequiredField_definitionKey/],
      [emailDefinition('k'.repeat(37)), 10000, /InvalidValue_definitionKey/],
      [{ ...emailDefinition('no-name'), name: '' }, 10000, /MissingRequiredField_name/],
      [{ ...emailDefinition('no-content'), content: undefined }, 10000, /MissingRequiredField_content/],
      [{ ...emailDefinition('no-asset'), content: { customerKey: 'missing' } }, 10000, /InvalidValue_content.customerKey/],
      // subscriptions.list is Required: updateMessageDefinition / RequestCreateSendDefinition
      // (https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/updateMessageDefinition.html); every recorded definition has one.
      [{ ...emailDefinition('no-list'), subscriptions: undefined }, 10000, /MissingRequiredField_subscriptions.list/],
    ];
    for (const [body, errorcode, message] of cases) {
      const answer = await call(sandbox, 'POST', EMAIL, { auth: token, body });
      expect(answer.status).toBe(400);
      expect(answer.body.errorcode).toBe(errorcode);
      expect(answer.body.message).toMatch(message);
    }
  });

  it('answers 404/30003 for unknown keys', async () => {
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const answer = await call(sandbox, method, `${EMAIL}/nope`, { auth: token, body: method === 'PATCH' ? { name: 'x' } : undefined });
      expect(answer.status).toBe(404);
      expect(answer.body.errorcode).toBe(30003);
    }
  });

  it('patches and moves modifiedDate, refuses definitionKey, accepts options.createJourney', async () => {
    expect((await call(sandbox, 'POST', EMAIL, { auth: token, body: emailDefinition('welcome') })).status).toBe(201);
    const before = (await call(sandbox, 'GET', `${EMAIL}/welcome`, { auth: token })).body;
    clock += 60_000;
    const patched = await call(sandbox, 'PATCH', `${EMAIL}/welcome`, { auth: token, body: { description: 'Sent on sign-up' } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ description: 'Sent on sign-up', createdDate: before.createdDate, definitionId: before.definitionId });
    expect(patched.body.modifiedDate).not.toBe(before.modifiedDate);

    const withKey = await call(sandbox, 'PATCH', `${EMAIL}/welcome`, { auth: token, body: { definitionKey: 'welcome', name: 'x' } });
    expect(withKey.status).toBe(400);
    expect(withKey.body.message).toMatch(/definitionKey/);
    const journey = await call(sandbox, 'PATCH', `${EMAIL}/welcome`, { auth: token, body: { options: { createJourney: true } } });
    // updateMessageDefinition documents options.createJourney for PATCH as for POST; no recorded read carries it back.
    expect(journey.status).toBe(200);
    expect(journey.body.options).toEqual({ trackLinks: true });
    expect(sandbox.state.sfmc.definitions.email.get('welcome')?.name).toBe('welcome');
  });

  it('lists with paging and hides deleted definitions behind status neq deleted', async () => {
    for (const key of ['welcome', 'list-a', 'list-b', 'list-c']) {
      expect((await call(sandbox, 'POST', EMAIL, { auth: token, body: emailDefinition(key) })).status).toBe(201);
    }
    const deleted = await call(sandbox, 'DELETE', `${EMAIL}/list-b`, { auth: token });
    expect(deleted.body).toMatchObject({ message: 'Success', deletedDefinitionKey: 'list-b', journey: {} });

    const all = await call(sandbox, 'GET', EMAIL, { auth: token });
    expect(all.body.definitions.find((d: { definitionKey: string }) => d.definitionKey === 'list-b').status).toBe('Deleted');
    const live = await call(sandbox, 'GET', `${EMAIL}?$filter=status%20neq%20deleted&$pageSize=2&$page=1`, { auth: token });
    expect(live.body).toMatchObject({ count: 3, page: 1, pageSize: 2 });
    expect(live.body.definitions.map((d: { definitionKey: string }) => d.definitionKey)).toEqual(['welcome', 'list-a']);
    expect(Object.keys(live.body.definitions[0]).sort()).toEqual(['createdDate', 'definitionKey', 'modifiedDate', 'name', 'status']);
    const second = await call(sandbox, 'GET', `${EMAIL}?$filter=status%20neq%20deleted&$pageSize=2&$page=2`, { auth: token });
    expect(second.body.definitions.map((d: { definitionKey: string }) => d.definitionKey)).toEqual(['list-c']);
    expect((await call(sandbox, 'GET', `${EMAIL}/list-b`, { auth: token })).status).toBe(404);
  });

  it('requires SMS content, a short code, and a valid keyword on create', async () => {
    const created = await call(sandbox, 'POST', SMS, { auth: token, body: smsDefinition('otp') });
    expect(created.status).toBe(201);
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ ...smsDefinition('a'), content: {} }, 10000, /MissingRequiredField_content.message/],
      [{ ...smsDefinition('b'), subscriptions: { keyword: 'TXKIT' } }, 10000, /MissingRequiredField_subscriptions.shortCode/],
      [{ ...smsDefinition('c'), subscriptions: { shortCode: '123' } }, 109120, /MissingRequiredField_keyword/],
      [{ ...smsDefinition('d'), subscriptions: { shortCode: '123', keyword: 'two words' } }, 109115, /InvalidValue_keyword/],
    ];
    for (const [body, errorcode, message] of cases) {
      const answer = await call(sandbox, 'POST', SMS, { auth: token, body });
      expect(answer.status).toBe(400);
      expect(answer.body.errorcode).toBe(errorcode);
      expect(answer.body.message).toMatch(message);
    }
    // The keyword is only required on create.
    const patched = await call(sandbox, 'PATCH', `${SMS}/otp`, { auth: token, body: { content: { message: 'Code: %%code%%' } } });
    expect(patched.status).toBe(200);
    expect(patched.body.subscriptions).toMatchObject({ shortCode: '4912312345678', keyword: 'TXKIT' });
  });

  it('reads an SMS definition back with an empty countryCode, as recorded', async () => {
    // Recorded: test/fixtures/sfmc-recorded/9999999/messaging/v1/sms/definitions/testExisting_tsms/get-response.json
    const created = await call(sandbox, 'POST', SMS, {
      auth: token,
      body: { ...smsDefinition('otp-us'), subscriptions: { shortCode: '88000', keyword: 'US1', countryCode: 'US' } },
    });
    expect(created.status).toBe(201);
    expect((await call(sandbox, 'GET', `${SMS}/otp-us`, { auth: token })).body.subscriptions.countryCode).toBe('');
  });
});
