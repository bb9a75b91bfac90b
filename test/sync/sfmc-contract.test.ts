import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/usage-error.js';
import { createSfmcApi, type SfmcApi } from '../../src/sync/sfmc/sfmc-api.js';
import { sfmcPublication } from '../../src/platforms/sfmc/message-export.js';
import { compareWithRemote, desiredAsset, desiredEmailDefinition, desiredSmsDefinition } from '../../src/sync/sfmc/sfmc-objects.js';
import { openSfmcSession } from '../../src/sync/sfmc/sfmc-session.js';
import { isBroken, type Message } from '../../src/workspace/index.js';
import { useTempWorkspaces } from '../helpers/temp-workspace.js';

/**
 * Contract tests (issue 14): the client against responses recorded from real SFMC tenants
 * (test/fixtures/sfmc-recorded, MIT, see its README and LICENSE), not against the emulator
 * written together with it. File paths mirror the requests: <MID>/<path>/<method>-response.json.
 */

const recorded = path.resolve(import.meta.dirname, '../fixtures/sfmc-recorded');
const MID = path.join(recorded, '9999999');

async function recording(relative: string): Promise<any> {
  return JSON.parse(await readFile(path.join(recorded, relative), 'utf8'));
}

/** Answers each request with the recorded response its path and method name; the token route with auth.json. */
async function startRecordedSfmc(tokenAnswer: 'success' | 'unauthorized' | 'expired' = 'success'): Promise<{ url: string; close(): Promise<void> }> {
  const auth = await recording('auth.json');
  let url = '';
  const server: Server = createServer(async (request, response) => {
    request.resume();
    const send = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const requested = new URL(request.url ?? '/', url);
    if (requested.pathname === '/v2/token') {
      const answer = auth[tokenAnswer];
      return send(answer.status, tokenAnswer === 'success' ? { ...answer.response, rest_instance_url: url } : answer.response);
    }
    const filter = /^customerKey eq (.+)$/.exec(requested.searchParams.get('$filter') ?? '');
    const file = path.join(
      MID,
      decodeURIComponent(requested.pathname),
      `${request.method!.toLowerCase()}-response${filter ? `-customerKey=${filter[1]}` : ''}.json`,
    );
    try {
      send(request.method === 'POST' ? 201 : 200, JSON.parse(await readFile(file, 'utf8')));
    } catch {
      send(404, await recording('rest404-response.json'));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const fast = { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 2 };
const credentials = (url: string) => ({ clientId: 'client-id', clientSecret: 'client-secret', authBaseUrl: url });

describe('the SFMC client parses every recorded response', () => {
  let server: Awaited<ReturnType<typeof startRecordedSfmc>>;
  let api: SfmcApi;
  beforeAll(async () => {
    server = await startRecordedSfmc();
    const secrets: string[] = [];
    api = createSfmcApi(await openSfmcSession(credentials(server.url), { secrets, retry: fast }), { secrets, retry: fast });
  });
  afterAll(() => server.close());

  it('finds an asset by customerKey (get-response-customerKey=testExisting_asset.json)', async () => {
    expect(await api.findAsset('testExisting_asset')).toMatchObject({ id: 950143, customerKey: 'testExisting_asset' });
  });

  it('reads email and SMS definitions, and a missing one as absent (rest404-response.json)', async () => {
    expect(await api.getDefinition('email', 'testExisting_temail')).toMatchObject({
      definitionKey: 'testExisting_temail',
      subscriptions: { list: 'All Subscribers - 277' },
    });
    expect(await api.getDefinition('email', 'testExisting_temail_notPublished')).toMatchObject({ definitionKey: 'testExisting_temail_notPublished' });
    expect(await api.getDefinition('email', 'testNew_temail_notPublished')).toMatchObject({ definitionKey: 'testNew_temail_notPublished' });
    expect(await api.getDefinition('sms', 'testExisting_tsms')).toMatchObject({ definitionKey: 'testExisting_tsms', subscriptions: { countryCode: '' } });
    expect(await api.getDefinition('email', 'not-there')).toBeUndefined();
  });

  it('lists definitions (definitions/get-response.json, email and SMS)', async () => {
    expect((await api.listDefinitions('email')).map((summary) => summary.definitionKey)).toEqual([
      'testExisting_temail',
      'testExisting_temail_notPublished',
      'testNew_temail_notPublished',
    ]);
    expect((await api.listDefinitions('sms')).map((summary) => summary.definitionKey)).toEqual(['testExisting_tsms']);
  });

  it('accepts the recorded answers to its writes (post-response.json, patch-response.json)', async () => {
    await expect(api.createAsset({ name: 'x' })).resolves.toBeUndefined();
    await expect(api.createDefinition('email', { definitionKey: 'x' })).resolves.toBeUndefined();
    await expect(api.createDefinition('sms', { definitionKey: 'x' })).resolves.toBeUndefined();
    await expect(api.updateDefinition('email', 'testExisting_temail', { description: 'updated via deploy' })).resolves.toBeUndefined();
    await expect(api.updateDefinition('sms', 'testExisting_tsms', { description: 'x' })).resolves.toBeUndefined();
  });

  it.each(['unauthorized', 'expired'] as const)('turns the recorded %s token answer into a usage error', async (answer) => {
    const refusing = await startRecordedSfmc(answer);
    try {
      await expect(openSfmcSession(credentials(refusing.url), { secrets: [], retry: fast })).rejects.toBeInstanceOf(UsageError);
    } finally {
      await refusing.close();
    }
  });
});

describe('planning against the recorded reads', () => {
  const workspaces = useTempWorkspaces();
  const load = async (yaml: string): Promise<Message> => {
    const { result } = await workspaces.loadMessage({ 'message.yaml': yaml, 'email.html': '<p>Hi</p>', 'sms.txt': 'Hi' });
    if (isBroken(result)) throw new Error(JSON.stringify(result.diagnostics));
    return result;
  };

  it('an email definition that matches testExisting_temail/get-response.json plans no write', async () => {
    const message = await load(
      [
        'name: testExisting_temail',
        'description: bla bla',
        'email:\n  subject: Hi\n  from: "Shop <a@example.com>"\n  body: email.html',
        'targets:\n  sfmc:\n    definitionKey: testExisting_temail\n    customerKey: testExisting_asset_message',
        '    list: All Subscribers - 277\n    subscriptions: { dataExtension: testExisting_dataExtension }',
      ].join('\n'),
    );
    const remote = await recording('9999999/messaging/v1/email/definitions/testExisting_temail/get-response.json');
    expect(compareWithRemote(desiredEmailDefinition(message, sfmcPublication(message)!), remote)).toEqual({ action: 'unchanged', changes: [] });
  });

  it('an SMS definition that matches testExisting_tsms/get-response.json plans no write, though it was written with a countryCode', async () => {
    const message = await load(
      'name: testExisting_tsms\ndescription: bla bla\nsms:\n  body: sms.txt\n  to: "{{ customer.phone }}"\ntargets:\n  sfmc:\n    sms: { definitionKey: testExisting_tsms, shortCode: "4912312345678", keyword: TESTEXISTING_KEYWORD, countryCode: DE }\n',
    );
    const remote = await recording('9999999/messaging/v1/sms/definitions/testExisting_tsms/get-response.json');
    const desired = desiredSmsDefinition(message, sfmcPublication(message)!, remote.content.message);
    expect(compareWithRemote(desired, remote)).toEqual({ action: 'unchanged', changes: [] });
  });

  it('an asset whose views match 808714/get-response.json plans no write, though the read has no channels', async () => {
    const message = await load(
      'name: testExisting_asset_message\nemail:\n  subject: TEST\n  from: "Shop <a@example.com>"\n  body: email.html\ntargets:\n  sfmc:\n    definitionKey: testExisting_temail\n    customerKey: testExisting_asset_message\n    categoryId: 89397\n    list: All Subscribers - 277\n',
    );
    const remote = await recording('9999999/asset/v1/content/assets/808714/get-response.json');
    expect(remote).not.toHaveProperty('channels');
    const views = {
      subject: remote.views.subjectline.content,
      preheader: remote.views.preheader.content,
      html: remote.views.html.content,
      text: remote.views.text.content,
    };
    expect(compareWithRemote(desiredAsset(message, sfmcPublication(message)!, views), remote)).toEqual({ action: 'unchanged', changes: [] });
  });

  it('a changed subject still plans an update of that field alone', async () => {
    const message = await load(
      'name: testExisting_asset_message\nemail:\n  subject: TEST\n  from: "Shop <a@example.com>"\n  body: email.html\ntargets:\n  sfmc:\n    definitionKey: testExisting_temail\n    customerKey: testExisting_asset_message\n    categoryId: 89397\n    list: All Subscribers - 277\n',
    );
    const remote = await recording('9999999/asset/v1/content/assets/808714/get-response.json');
    const views = { subject: 'New subject', preheader: remote.views.preheader.content, html: remote.views.html.content, text: remote.views.text.content };
    const { action, changes } = compareWithRemote(desiredAsset(message, sfmcPublication(message)!, views), remote);
    expect(action).toBe('update');
    expect(changes.map((change) => change.path)).toEqual(['views.subjectline.content']);
  });
});
