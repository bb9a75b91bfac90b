import { isIP } from 'node:net';
import type { Connect } from 'vite';

/** The hostname of a Host header (`localhost:5173` → `localhost`, `[::1]:5173` → `::1`); undefined when malformed. */
function hostnameOf(hostHeader: string): string | undefined {
  const host = hostHeader.trim().toLowerCase();
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    return end > 0 ? host.slice(1, end) : undefined;
  }
  const hostname = host.replace(/:\d*$/, '');
  return hostname === '' || hostname.includes(':') ? undefined : hostname;
}

function isLoopback(hostname: string): boolean {
  if (hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '::1') return true;
  return isIP(hostname) === 4 && hostname.startsWith('127.');
}

function isWildcard(address: string): boolean {
  return address === '0.0.0.0' || address === '::' || address === '';
}

/**
 * Whether a request's Host header names this machine as the preview reached it. A web page
 * on another site that rebinds its DNS name to 127.0.0.1 still sends its own name, which is
 * refused. Loopback names and addresses always pass; so does the address the server was
 * bound to, and, when it listens on every interface, any IP literal (no DNS is involved).
 */
export function isLocalHost(hostHeader: string | undefined, boundHost: string): boolean {
  if (hostHeader === undefined) return false;
  const hostname = hostnameOf(hostHeader);
  if (hostname === undefined) return false;
  if (isLoopback(hostname)) return true;
  const bound = boundHost.toLowerCase().replace(/^\[|\]$/g, '');
  if (hostname === bound) return true;
  return isWildcard(bound) && isIP(hostname) !== 0;
}

/** Answers 403 to every request (page, assets, API, HMR socket upgrade aside) whose Host is not local. */
export function hostCheckMiddleware(boundHost: string): Connect.NextHandleFunction {
  return (req, res, next) => {
    if (isLocalHost(req.headers.host, boundHost)) {
      next();
      return;
    }
    res.statusCode = 403;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.end(
      `txkit preview: blocked a request for host ${JSON.stringify(req.headers.host ?? '')}, which is not this machine. ` +
        'Open the preview at http://localhost or http://127.0.0.1; to share it on your network, run `txkit dev --host 0.0.0.0` and open it by IP address.\n',
    );
  };
}
