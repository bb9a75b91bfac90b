import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { executePlan } from '../../src/sync/execute-plan.js';
import { createCustomerioApi } from '../../src/sync/customerio/customerio-api.js';
import { planSnippets } from '../../src/sync/customerio/snippets.js';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';

/**
 * A real HTTP server on 127.0.0.1 speaking the documented snippet routes of the App API:
 * GET /v1/snippets → {snippets: [{name, value, updated_at}]}
 * (https://docs.customer.io/integrations/api/app/tag/snippets/listSnippets/) and
 * PUT /v1/snippets {name, value} → {snippet}, creating or updating by name, trimming the value
 * (https://docs.customer.io/integrations/api/app/tag/snippets/updateSnippets/).
 */
async function startSnippetServer(initial: Record<string, string>) {
  const snippets = new Map(Object.entries(initial));
  const writes: { name: string; value: string }[] = [];
  const readBody = async (request: IncomingMessage) => {
    let text = '';
    for await (const chunk of request) text += String(chunk);
    return JSON.parse(text) as { name: string; value: string };
  };
  const server: Server = createServer((request, response) => {
    void (async () => {
      response.setHeader('content-type', 'application/json');
      if (request.headers.authorization !== 'Bearer app-key') {
        response.statusCode = 401;
        response.end(JSON.stringify({ meta: { error: 'Unauthorized' } }));
      } else if (request.method === 'GET' && request.url === '/v1/snippets') {
        response.end(JSON.stringify({ snippets: [...snippets].map(([name, value]) => ({ name, value, updated_at: 1582500000 })) }));
      } else if (request.method === 'PUT' && request.url === '/v1/snippets') {
        const body = await readBody(request);
        const snippet = { name: body.name.trim(), value: body.value.trim() };
        writes.push(snippet);
        snippets.set(snippet.name, snippet.value);
        response.end(JSON.stringify({ snippet: { ...snippet, updated_at: 1582500001 } }));
      } else {
        response.statusCode = 404;
        response.end(JSON.stringify({ meta: { error: 'not found' } }));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { snippets, writes, baseUrl: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('Customer.io snippets: push from templates/_snippets', () => {
  let dir: TempDir | undefined;
  let server: Awaited<ReturnType<typeof startSnippetServer>> | undefined;
  afterEach(async () => {
    await dir?.remove();
    await server?.close();
  });

  it('creates new snippets, updates changed ones, leaves equal and remote-only ones alone; a second push writes nothing', async () => {
    dir = await makeTempDir({
      'templates/_snippets/footer.liquid': 'Thanks, {{ customer.name }}!\n',
      'templates/_snippets/address.liquid': '1 Main St',
      'templates/_snippets/legal.liquid': 'Terms apply',
    });
    server = await startSnippetServer({ address: '1 Main St', legal: 'Old terms', other: 'kept' });
    const api = createCustomerioApi({
      settings: { baseUrl: server.baseUrl, appApiKey: 'app-key' },
      secrets: ['app-key'],
      pace: { limit: 100, windowMs: 1000 },
    });
    const plan = await planSnippets(dir.path('templates'), api);
    expect(plan.diagnostics).toEqual([]);
    expect(plan.steps.map(({ kind, key, action }) => ({ kind, key, action }))).toEqual([
      { kind: 'snippet', key: 'address', action: 'unchanged' },
      { kind: 'snippet', key: 'footer', action: 'create' },
      { kind: 'snippet', key: 'legal', action: 'update' },
    ]);
    const report = await executePlan(plan);
    expect(report.failed).toEqual([]);
    expect([...server.writes].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'footer', value: 'Thanks, {{ customer.name }}!' },
      { name: 'legal', value: 'Terms apply' },
    ]);
    expect(server.snippets.get('other')).toBe('kept');

    const again = await planSnippets(dir.path('templates'), api);
    expect(again.steps.every((step) => step.action === 'unchanged')).toBe(true);
  });

  it('a workspace without snippets makes no request', async () => {
    dir = await makeTempDir({ 'templates/.keep': '' });
    server = await startSnippetServer({});
    const api = createCustomerioApi({ settings: { baseUrl: server.baseUrl, appApiKey: 'wrong' }, secrets: ['wrong'], pace: { limit: 100, windowMs: 1000 } });
    expect(await planSnippets(dir.path('templates'), api)).toEqual({ steps: [], drift: [], diagnostics: [] });
  });
});
