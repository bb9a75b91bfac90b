import type { ResolvedSandboxOptions } from './options.js';
import type { Outbox } from './outbox/outbox.js';
import type { SendRenderer } from './outbox/render-send.js';
import type { Platform, RouteKind } from './route-kind.js';
import type { SandboxState } from './state.js';
import type { EventDispatcher } from './events/event-dispatcher.js';

export type { Platform, RouteKind } from './route-kind.js';

/** Which credential a route demands. */
export type AuthScheme =
  | 'none'
  /** A live SFMC access token from POST /v2/token. */
  | 'sfmc-token'
  /** The Customer.io App API key. */
  | 'customerio-app'
  /** The Customer.io transactional key, or the App API key (which may send too). */
  | 'customerio-send';

/** Requests that share one per-second allowance. */
export type RateLimitBucket = 'sfmc' | 'customerio-app';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function reply(status: number, body?: unknown, headers?: Record<string, string>): Reply {
  return { status, body, headers };
}

export interface RouteContext {
  method: string;
  /** The request's path, as received. */
  path: string;
  /** Path parameters, URI-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body; undefined when the request had none. */
  body: unknown;
  state: SandboxState;
  options: ResolvedSandboxOptions;
  /** The clock read once for this request, in ms. */
  now: number;
  /** The sandbox's own base URL with a trailing slash (SFMC's rest_instance_url). */
  baseUrl: string;
  /** Where every send is recorded, rendered. */
  outbox: Outbox;
  renderSend: SendRenderer;
  /** Delivery events of accepted sends (ENS, Customer.io reporting webhooks). */
  events: EventDispatcher;
}

/** What creating a record needs: a route handler's context, or seeding's. */
export type CreateContext = Pick<RouteContext, 'body' | 'state' | 'now'>;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Segments starting with `:` capture a parameter, e.g. `/asset/v1/content/assets/:id`. */
  path: string;
  platform: Platform;
  kind: RouteKind;
  auth: AuthScheme;
  rateLimit?: RateLimitBucket;
  handle(context: RouteContext): Reply | Promise<Reply>;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** The first route whose method and path fit; routes listed earlier win. */
export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch | undefined {
  const segments = splitPath(pathname);
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchSegments(splitPath(route.path), segments);
    if (params) return { route, params };
  }
  return undefined;
}

/** The platform a path belongs to, for requests no route claims: Customer.io lives under /v1/. */
export function platformOfPath(pathname: string): Platform {
  return pathname.startsWith('/v1/') ? 'customerio' : 'sfmc';
}

// Empty segments are kept, trailing one included: Customer.io addresses the default language
// variant as `/language/` (an empty language).
function splitPath(pathname: string): string[] {
  return pathname.split('/').slice(1);
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const value = actual[index] ?? '';
    if (part.startsWith(':')) {
      const decoded = decodeSegment(value);
      if (decoded === undefined) return undefined;
      params[part.slice(1)] = decoded;
    } else if (part !== value) return undefined;
  }
  return params;
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined; // malformed %-escape: no route matches, the client gets a 404
  }
}
