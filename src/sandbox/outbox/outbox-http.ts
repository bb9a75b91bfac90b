import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Outbox } from './outbox.js';

/** Paths of the sandbox's own API (not a platform's): the outbox, for tests, tools and the preview. */
export const outboxPath = '/__txkit/outbox';
export const outboxEventsPath = '/__txkit/outbox/events';

/**
 * The sandbox listens on 127.0.0.1 only, but a page whose DNS name is rebound to 127.0.0.1 would
 * send its own name as Host: the outbox (addresses, personal data the application sent) answers
 * only requests that name this machine's loopback.
 */
const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;

/** SSE comments keep proxies and idle timeouts from closing a quiet stream. */
const keepAliveMs = 15_000;

/**
 * `GET /__txkit/outbox`: every entry, newest first. `GET /__txkit/outbox/events`: a
 * server-sent-events stream with one `entry` event per send from now on. Returns false for
 * any other path, which the platform routes then answer.
 */
export function serveOutbox(outbox: Outbox, request: IncomingMessage, response: ServerResponse, pathname: string): boolean {
  if (pathname !== outboxPath && pathname !== outboxEventsPath) return false;
  if (!LOOPBACK_HOST.test(request.headers.host ?? '')) {
    response.writeHead(403, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ error: 'the outbox answers only requests to 127.0.0.1 or localhost (DNS rebinding)' }));
    return true;
  }
  if (request.method !== 'GET') {
    response.writeHead(405, { 'Content-Type': 'application/json', Allow: 'GET' });
    response.end(JSON.stringify({ error: `${pathname} only answers GET` }));
    return true;
  }
  if (pathname === outboxPath) {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify({ limit: outbox.limit, entries: outbox.entries() }));
    return true;
  }
  response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  response.write(': txkit sandbox outbox\n\n');
  const unsubscribe = outbox.subscribe((entry) => response.write(`event: entry\ndata: ${JSON.stringify(entry)}\n\n`));
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), keepAliveMs);
  request.socket.once('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
  return true;
}
