import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authorize, authRoutes } from './auth.js';
import { customerioSendRoutes } from './customerio-sends.js';
import { customerioTransactionalRoutes } from './customerio-transactional.js';
import { platformError, rateLimited } from './error-replies.js';
import { FaultInjector, type Fault, type FaultSettings } from './faults.js';
import { resolveOptions, type ResolvedSandboxOptions, type SandboxOptions } from './options.js';
import { RateLimiter } from './rate-limits.js';
import { matchRoute, platformOfPath, type Platform, type Reply, type RouteKind, type RouteMatch } from './router.js';
import { seed, type SandboxSeed } from './seed.js';
import { assetRoutes } from './sfmc-assets.js';
import { definitionRoutes } from './sfmc-definitions.js';
import { sendRoutes } from './sfmc-sends.js';
import { createState, type SandboxState } from './state.js';
import { Outbox } from './outbox/outbox.js';
import { serveOutbox } from './outbox/outbox-http.js';
import { restoreSends } from './outbox/restore-sends.js';
import { createSendRenderer, type SendRenderer } from './outbox/render-send.js';
import { customerioDeliveryRoutes } from './customerio-deliveries.js';
import { createEventDispatcher, type EventDispatcher } from './events/event-dispatcher.js';
import { ensRoutes } from './events/ens-routes.js';

const ROUTES = [
  ...authRoutes,
  ...assetRoutes,
  ...definitionRoutes,
  ...sendRoutes,
  ...customerioTransactionalRoutes,
  ...customerioSendRoutes,
  ...customerioDeliveryRoutes,
  ...ensRoutes,
];

/** One request as the sandbox saw it, in arrival order. */
export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON; the raw text when it was not JSON; undefined when there was none. */
  body: unknown;
  /** null when the connection was reset instead of answered. */
  status: number | null;
  platform: Platform;
  kind: RouteKind;
  /**
   * `kind === 'write'`: an attempt to create, update or delete content or a definition, whether
   * it succeeded or not. Token calls, reads (asset query included) and sends are not writes.
   * An unknown route counts as a write unless its method is GET.
   */
  write: boolean;
  /** The injected fault that answered this request, if one did. */
  fault?: Fault;
  /** Arrival time from the sandbox clock, in ms. */
  at: number;
}

export interface Sandbox {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:51234/`: SFMC auth and REST, and Customer.io. */
  readonly url: string;
  /** The options in force, defaults filled in (credentials included). */
  readonly options: ResolvedSandboxOptions;
  /** Every platform request so far (the sandbox's own `/__txkit/outbox` reads are not). To look at one phase only, slice from the length before it. */
  readonly requests: readonly RequestLogEntry[];
  readonly state: SandboxState;
  /** Every send received, rendered; also served as `GET /__txkit/outbox`. */
  readonly outbox: Outbox;
  /** Notifications of accepted sends to ENS callbacks and the Customer.io reporting webhook. */
  readonly events: EventDispatcher;
  /** Replaces the fault settings and restarts their count; `{}` turns faults off. */
  setFaults(faults: FaultSettings): void;
  /** Expires every SFMC access token now: the next REST call with one gets 401. */
  expireTokens(): void;
  /** Adds remote state without going through HTTP (nothing is logged). Throws on invalid data. */
  seed(data: SandboxSeed): void;
  close(): Promise<void>;
}

/** Starts the emulator on 127.0.0.1 and resolves once it accepts connections. */
export async function startSandbox(sandboxOptions?: SandboxOptions): Promise<Sandbox> {
  const options = resolveOptions(sandboxOptions);
  const state = createState();
  const outbox = await Outbox.open(options.outbox);
  restoreSends(state, outbox.entries());
  const renderSend: SendRenderer = options.workspace
    ? createSendRenderer(options.workspace)
    : async () => ({ unrendered: 'the sandbox was started without a workspace', diagnostics: [] });
  const requests: RequestLogEntry[] = [];
  const events = createEventDispatcher(state, options);
  const faults = new FaultInjector();
  faults.set(options.faults);
  const limiter = new RateLimiter({
    sfmc: options.rateLimits.sfmcPerSecond,
    'customerio-app': options.rateLimits.customerioAppPerSecond,
  });
  let baseUrl = '';
  let closed: Promise<void> | undefined;

  /** The answer to a request that was read and matched, unless a fault answers it first. */
  async function answer(incoming: Incoming, fault: Fault | undefined): Promise<Reply> {
    const { method, url, platform, match, body, authorization, now } = incoming;
    if (fault === 'server-error') return platformError(platform, 500, 'Internal server error');
    if (fault === 'rate-limit') return rateLimited(platform, options.rateLimits.retryAfterSeconds);
    if (!match) return platformError(platform, 404, `No route for ${method} ${url.pathname}`);
    const { route, params } = match;
    const context = { method, path: url.pathname, params, query: url.searchParams, body: body.value, state, options, now, baseUrl, outbox, renderSend, events };
    const denied = authorize(route.auth, authorization, context);
    if (denied) return denied;
    if (route.rateLimit && !limiter.allow(route.rateLimit, now)) {
      return rateLimited(platform, options.rateLimits.retryAfterSeconds);
    }
    if (!body.valid) return platformError(platform, 400, 'The request body is not valid JSON.');
    try {
      return await route.handle(context);
    } catch (error) {
      // An emulator bug: answer so the test fails with the cause instead of a hung request.
      return platformError(platform, 500, `Sandbox error: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (serveOutbox(outbox, request, response, new URL(request.url ?? '/', baseUrl).pathname)) return;
    const incoming = await readIncoming(request, baseUrl, options.now);
    const { method, url, platform, kind, body, text, now } = incoming;
    const entry: RequestLogEntry = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: body.valid ? body.value : text,
      status: null,
      platform,
      kind,
      write: kind === 'write',
      at: now,
    };
    requests.push(entry);
    const fault = faults.next(platform, kind);
    if (fault) entry.fault = fault;
    if (fault === 'connection-reset') {
      request.socket.destroy();
      return;
    }
    const { status, body: replyBody, headers } = await answer(incoming, fault);
    entry.status = status;
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(replyBody === undefined ? undefined : JSON.stringify(replyBody));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => request.socket.destroy()); // the client went away mid-request
  });
  // SFMC closes idle keep-alive connections after 5 s; clients must cope with that.
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    url: baseUrl,
    options,
    requests,
    state,
    outbox,
    events,
    setFaults: (settings) => faults.set(settings),
    expireTokens: () => state.sfmc.tokens.clear(),
    seed: (data) => seed(state, data, options.now()),
    // Once: a second close (a test's cleanup after the test closed it to restart) waits for the first.
    close: () =>
      (closed ??= new Promise<void>((resolve, reject) => {
        events.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // keep-alive sockets (and outbox event streams) would hold close() open
      }).then(() => outbox.flush())),
  };
}

/** A request read in full and matched against the routes. */
interface Incoming {
  method: string;
  url: URL;
  match: RouteMatch | undefined;
  platform: Platform;
  kind: RouteKind;
  text: string;
  body: ParsedBody;
  authorization: string | undefined;
  /** The clock, read once on arrival. */
  now: number;
}

async function readIncoming(request: IncomingMessage, baseUrl: string, clock: () => number): Promise<Incoming> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const method = request.method ?? 'GET';
  const url = new URL(request.url ?? '/', baseUrl);
  const match = matchRoute(ROUTES, method, url.pathname);
  return {
    method,
    url,
    match,
    platform: match?.route.platform ?? platformOfPath(url.pathname),
    // An unknown route is judged by its method: anything but GET meant to change something.
    kind: match?.route.kind ?? (method === 'GET' ? 'read' : 'write'),
    text,
    body: parseBody(text),
    authorization: request.headers.authorization,
    now: clock(),
  };
}

interface ParsedBody {
  valid: boolean;
  value: unknown;
}

function parseBody(text: string): ParsedBody {
  if (text === '') return { valid: true, value: undefined };
  try {
    return { valid: true, value: JSON.parse(text) };
  } catch {
    return { valid: false, value: undefined };
  }
}
