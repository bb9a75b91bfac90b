import { describe, expect, it } from 'vitest';
import { useSandboxes } from '../helpers/sandboxes.js';
import { call, htmlEmail, sfmcToken } from './http.js';

const ASSETS = '/asset/v1/content/assets';

describe('sandbox: Content Builder assets', () => {
  const startSandbox = useSandboxes();

  /** A fresh emulator of this test's own and a token for it. */
  async function setup() {
    const sandbox = await startSandbox();
    return { sandbox, token: await sfmcToken(sandbox) };
  }

  /** A fresh emulator already holding the `order-confirmation` htmlemail. */
  async function setupWithOrderConfirmation() {
    const { sandbox, token } = await setup();
    const created = await call(sandbox, 'POST', ASSETS, { auth: token, body: htmlEmail('order-confirmation') });
    expect(created.status).toBe(201);
    return { sandbox, token };
  }

  it('creates an htmlemail with the fields SFMC adds', async () => {
    const { sandbox, token } = await setup();
    const created = await call(sandbox, 'POST', ASSETS, { auth: token, body: htmlEmail('order-confirmation') });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(Number),
      objectID: expect.any(String),
      customerKey: 'order-confirmation',
      assetType: { id: 208, name: 'htmlemail' },
      contentType: 'application/vnd.etmc.email.Message; kind=paste',
      status: { id: 1, name: 'Draft' },
      availableViews: ['html', 'subjectline'],
      modelVersion: 2,
      views: { html: { content: '<p>Hi %%first_name%%</p>' } },
    });
    expect(sandbox.state.sfmc.assets.get(created.body.id)?.customerKey).toBe('order-confirmation');
  });

  it('finds an asset by customerKey in both $filter forms and by query', async () => {
    const { sandbox, token } = await setupWithOrderConfirmation();
    for (const filter of ['customerKey eq order-confirmation', "customerKey eq 'order-confirmation'"]) {
      const found = await call(sandbox, 'GET', `${ASSETS}?$filter=${encodeURIComponent(filter)}`, { auth: token });
      expect(found.status).toBe(200);
      expect(found.body).toMatchObject({ count: 1, page: 1, pageSize: 50, links: {} });
      expect(found.body.items[0].customerKey).toBe('order-confirmation');
    }
    const missing = await call(sandbox, 'GET', `${ASSETS}?$filter=customerKey%20eq%20nothing`, { auth: token });
    expect(missing.body).toMatchObject({ count: 0, items: [] });

    const queried = await call(sandbox, 'POST', `${ASSETS}/query`, {
      auth: token,
      body: { page: { page: 1, pageSize: 10 }, query: { property: 'customerKey', simpleOperator: 'equal', value: 'order-confirmation' } },
    });
    expect(queried.body).toMatchObject({ count: 1, page: 1, pageSize: 10 });
    const byType = await call(sandbox, 'POST', `${ASSETS}/query`, {
      auth: token,
      body: { query: { property: 'assetType.id', simpleOperator: 'in', value: [207, 208] } },
    });
    expect(byType.body.count).toBe(1);
  });

  it('patches by merging and puts by replacing, bumping modifiedDate and version', async () => {
    const { sandbox, token } = await setup();
    const asset = (await call(sandbox, 'POST', ASSETS, { auth: token, body: htmlEmail('shipping-update') })).body;
    const patched = await call(sandbox, 'PATCH', `${ASSETS}/${asset.id}`, {
      auth: token,
      body: { views: { html: { content: '<p>Shipped</p>' } } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.views).toEqual({ html: { content: '<p>Shipped</p>' }, subjectline: { content: 'Hello' } });
    expect(patched.body).toMatchObject({ id: asset.id, objectID: asset.objectID, version: 2, createdDate: asset.createdDate });

    const replaced = await call(sandbox, 'PUT', `${ASSETS}/${asset.id}`, {
      auth: token,
      body: { ...htmlEmail('shipping-update'), views: { html: { content: '<p>New</p>' } } },
    });
    expect(replaced.body.views).toEqual({ html: { content: '<p>New</p>' } });
    expect(replaced.body.version).toBe(3);

    expect((await call(sandbox, 'GET', `${ASSETS}/${asset.id}`, { auth: token })).body.views.html.content).toBe('<p>New</p>');
  });

  it('validates required fields, key length, type and uniqueness', async () => {
    const { sandbox, token } = await setupWithOrderConfirmation();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...htmlEmail('no-name'), name: undefined }, 'Name is required.'],
      [htmlEmail('k'.repeat(37)), 'Customer Key must be a string of at most 36 characters.'],
      [{ ...htmlEmail('no-type'), assetType: undefined }, 'Asset type is required and must name a known type (id or name).'],
      [htmlEmail('order-confirmation', 'another name'), 'Customer Key must be unique.'],
      [htmlEmail('other-key', 'order-confirmation'), 'Asset names within a category and asset type must be unique.'],
    ];
    for (const [body, message] of cases) {
      const answer = await call(sandbox, 'POST', ASSETS, { auth: token, body });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ message, validationErrors: [{ message }] });
    }
  });

  it('generates a customerKey when none is given, as SFMC does', async () => {
    const { sandbox, token } = await setup();
    const { customerKey: _none, ...body } = htmlEmail('unused', 'keyless');
    const created = await call(sandbox, 'POST', ASSETS, { auth: token, body });
    expect(created.body.customerKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('deletes, and answers 404 for unknown ids', async () => {
    const { sandbox, token } = await setup();
    const asset = (await call(sandbox, 'POST', ASSETS, { auth: token, body: htmlEmail('to-delete') })).body;
    expect((await call(sandbox, 'DELETE', `${ASSETS}/${asset.id}`, { auth: token })).status).toBe(200);
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const answer = await call(sandbox, method, `${ASSETS}/${asset.id}`, { auth: token, body: method === 'PATCH' ? {} : undefined });
      expect(answer.status).toBe(404);
    }
    expect((await call(sandbox, 'GET', `${ASSETS}/not-a-number`, { auth: token })).status).toBe(404);
  });
});
