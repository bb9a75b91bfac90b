import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient, PlatformError } from '../../src/sync/index.js';

// Failures the sandbox does not inject (it drops connections before answering), met by the
// shared client on the way to SFMC: a body cut off mid-way, a server that never answers.

const quickRetry = { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 10 };
const servers: Server[] = [];

/** A real server on 127.0.0.1 whose n-th request (0-based) is answered by `handlers[n]` (the last one after that). */
async function serve(...handlers: ((request: IncomingMessage, response: ServerResponse) => void)[]): Promise<{ url: string; count: () => number }> {
  let count = 0;
  const server = createServer((request, response) => handlers[Math.min(count++, handlers.length - 1)]!(request, response));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, count: () => count };
}

const ok = (_request: IncomingMessage, response: ServerResponse) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[1,2,3]}');

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('the shared HTTP client', () => {
  it('retries a read whose connection drops in the middle of the body', async () => {
    const cutOff = (_request: IncomingMessage, response: ServerResponse) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
      response.write('{"items":[1,');
      setTimeout(() => response.socket?.destroy(), 10);
    };
    const server = await serve(cutOff, ok);
    const client = createHttpClient({ baseUrl: server.url, retry: quickRetry });
    await expect(client.request('GET', 'list')).resolves.toMatchObject({ status: 200, body: { items: [1, 2, 3] } });
    expect(server.count()).toBe(2);
  });

  it('treats an attempt that does not answer in time as a dropped connection', async () => {
    const silent = () => undefined;
    const server = await serve(silent, ok);
    const client = createHttpClient({ baseUrl: server.url, retry: quickRetry, timeoutMs: 100 });
    await expect(client.request('GET', 'list')).resolves.toMatchObject({ status: 200 });
    expect(server.count()).toBe(2);

    const never = await serve(silent);
    const error = await createHttpClient({ baseUrl: never.url, retry: { ...quickRetry, maxRetries: 0 }, timeoutMs: 50 })
      .request('GET', 'list')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlatformError);
    expect((error as PlatformError).details.status).toBeUndefined();
  });
});
