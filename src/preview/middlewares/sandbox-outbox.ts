import { get as httpGet } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { Connect } from 'vite';

/** The sandbox's outbox as the preview page reads it, same-origin (the UI's outbox-api.ts uses the same paths). */
export const sandboxOutboxBase = '/__txkit/sandbox/';

/** Preview path → the sandbox's own (src/sandbox/outbox/outbox-http.ts): the list, and its event stream. */
const forwarded: Readonly<Record<string, string>> = {
  outbox: '/__txkit/outbox',
  'outbox/events': '/__txkit/outbox/events',
};

function sendError(res: ServerResponse, status: number, error: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ error }));
}

/**
 * `txkit dev --sandbox` runs the emulator beside the preview; the page reads its outbox through
 * the preview's own origin, so the Host and origin checks in front of the preview guard it too
 * and the sandbox needs no CORS. The preview knows the sandbox only by its URL: the two front
 * ends share no code. Without a sandbox the list answers 204 No Content, which the UI takes as
 * "no outbox" (a 404 would be a console error on every page load of a plain `txkit dev`).
 */
export function sandboxOutboxMiddleware(sandboxUrl: string | undefined): Connect.NextHandleFunction {
  return (req, res, next) => {
    const url = req.url ?? '';
    if (!url.startsWith(sandboxOutboxBase)) return next();
    const target = forwarded[url.slice(sandboxOutboxBase.length).split('?')[0] ?? ''];
    if (!target || req.method !== 'GET') return sendError(res, 404, `no route ${req.method} ${url}`);
    if (!sandboxUrl) {
      if (target !== forwarded['outbox']) return sendError(res, 404, 'no sandbox: start the preview with `txkit dev --sandbox` to see its outbox');
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    const upstream = httpGet(new URL(target, sandboxUrl), (answer) => {
      res.writeHead(answer.statusCode ?? 502, { 'Content-Type': answer.headers['content-type'] ?? 'application/json', 'Cache-Control': 'no-store' });
      answer.pipe(res);
    });
    upstream.on('error', (error) => {
      if (res.headersSent) res.end();
      else sendError(res, 502, `the sandbox at ${sandboxUrl} does not answer (${(error as NodeJS.ErrnoException).code ?? error.message})`);
    });
    // An event stream ends when the page goes away: let go of the sandbox's side too.
    res.on('close', () => upstream.destroy());
  };
}
