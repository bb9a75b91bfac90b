import type { IncomingMessage } from 'node:http';
import type { Connect } from 'vite';

/**
 * Why a request was sent by a page of another origin (another site, or another port of
 * localhost: browsers count every localhost port as the same *site*), or undefined when it
 * comes from the preview's own page or from no page at all (an address typed in, curl).
 *
 * Browsers label every request with `Sec-Fetch-Site` (Chromium, Firefox, Safari 16.4+) and
 * cross-origin fetches with `Origin`; either one naming another origin is enough to refuse.
 * `allowNavigation` lets a link on another page open the preview in a tab: a top-level
 * document navigation hands nothing back to the page that started it.
 */
export function crossOriginReason(req: IncomingMessage, options: { allowNavigation: boolean }): string | undefined {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    const navigation =
      req.headers['sec-fetch-mode'] === 'navigate' && req.headers['sec-fetch-dest'] === 'document' && (req.method === 'GET' || req.method === 'HEAD');
    if (!(options.allowNavigation && navigation)) return `a ${site} request`;
  }
  const origin = req.headers.origin;
  if (origin === undefined) return undefined;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return 'a request from an opaque or malformed origin';
  }
  return originHost === req.headers.host ? undefined : 'a request from another origin';
}

/**
 * Answers 403 to every request another page makes: the UI, its modules, Vite's `/@fs/` and
 * the JSON API are all the preview's own. Vite's CORS is off besides (see previewViteConfig),
 * so even an answer that got through would not be readable; `Cross-Origin-Resource-Policy`
 * keeps browsers from embedding an answer in another origin's page (as an image, script, …).
 */
export function sameOriginMiddleware(): Connect.NextHandleFunction {
  return (req, res, next) => {
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    const reason = crossOriginReason(req, { allowNavigation: true });
    if (reason === undefined) {
      next();
      return;
    }
    res.statusCode = 403;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.end(`Blocked: ${reason}. Only the preview's own page reads from the preview.\n`);
  };
}
