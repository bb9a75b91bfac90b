import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The body exactly as received. */
  body: string;
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>/hooks`. */
  readonly url: string;
  readonly requests: ReceivedRequest[];
  /** Resolves with the requests once `done(requests)` holds (checked on each arrival), or rejects after `timeoutMs`. */
  waitFor(done: (requests: ReceivedRequest[]) => boolean, timeoutMs?: number): Promise<ReceivedRequest[]>;
}

/** Answers a request: its status (default 200); may do work first (e.g. call ens-verify). */
export type Responder = (request: ReceivedRequest) => number | Promise<number>;

/**
 * Real HTTP servers on 127.0.0.1 standing for the application's webhook endpoint, closed after
 * each test.
 */
export function useWebhookReceivers(): (respond?: Responder) => Promise<WebhookReceiver> {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });
  return async (respond = () => 200) => {
    const requests: ReceivedRequest[] = [];
    const waiters = new Set<() => void>();
    const server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const received = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(received);
      const status = await respond(received);
      response.writeHead(status).end();
      for (const wake of waiters) wake();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    );
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
      requests,
      waitFor: (done, timeoutMs = 5000) =>
        new Promise((resolve, reject) => {
          const check = () => {
            if (!done(requests)) return;
            waiters.delete(check);
            clearTimeout(timer);
            resolve(requests);
          };
          const timer = setTimeout(() => {
            waiters.delete(check);
            reject(
              new Error(
                `timed out after ${timeoutMs} ms with ${requests.length} requests: ${requests.map((request) => request.body.slice(0, 200)).join('\n')}`,
              ),
            );
          }, timeoutMs);
          waiters.add(check);
          check();
        }),
    };
  };
}
