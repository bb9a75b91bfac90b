import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import { PlatformError } from './platform-error.js';
import { redact } from './secrets.js';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First backoff for 5xx / dropped connections; doubles each time, with full jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Upper bound for a server-requested Retry-After wait. */
  maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = Object.freeze({ maxRetries: 5, baseDelayMs: 200, maxDelayMs: 5_000, maxRetryAfterMs: 60_000 });

export interface HttpResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  /** 2xx plus these statuses return normally instead of throwing (e.g. 404 on a lookup). */
  accept?: readonly number[];
  /**
   * Retry 5xx and dropped connections even for POST. Safe when the server rejects a repeat
   * (unique keys: a duplicate answers 409, which the caller treats as "already there").
   */
  retryUnsafe?: boolean;
  /**
   * The shape a successful answer must have. A 2xx whose body does not match (an HTML page from
   * a proxy, garbage) is a PlatformError "unexpected answer from <host>", never a success.
   */
  schema?: z.ZodType;
}

export interface HttpClientOptions {
  baseUrl: string;
  /** Adds authentication; called per attempt so a refreshed token is picked up. */
  authorize?: () => Promise<Record<string, string>>;
  /** Called once when a request answers 401, before one retry (token refresh). */
  onUnauthorized?: () => Promise<void>;
  retry?: RetryPolicy;
  /** Secret values scrubbed from every error. */
  secrets?: readonly string[];
  /** Turns a platform error body into a message and fields. */
  describeError?: (body: unknown) => { message?: string; code?: number | string; fields?: string[] };
  /** An attempt that has not answered (body included) within this long counts as a dropped connection. Default 60 s. */
  timeoutMs?: number;
  /** Called before each attempt: tests and verbose logs use it. */
  onAttempt?: (attempt: { method: string; url: string; attempt: number }) => void;
  /** The whole command's deadline (`--timeout`): once it fires, the attempt in flight is abandoned and nothing is retried. */
  deadline?: AbortSignal;
  /** A response body larger than this is refused unread. Default 10 MB: no answer txkit reads is near it. */
  maxResponseBytes?: number;
}

const defaultTimeoutMs = 60_000;
const defaultMaxResponseBytes = 10 * 1024 * 1024;

const idempotentMethods = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);

function backoff(policy: RetryPolicy, attempt: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.random() * ceiling;
}

/** Retry-After is delta-seconds or an HTTP date. */
function retryAfterMs(headers: Headers, body: unknown): number | undefined {
  const header = headers.get('retry-after');
  if (header !== null) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  const fromBody = (body as { retryAfter?: unknown } | null)?.retryAfter;
  return typeof fromBody === 'number' ? fromBody * 1000 : undefined;
}

class ResponseTooLarge extends Error {}

/** The body as JSON (or text when it is not JSON), read no further than `maxBytes`. */
async function readBody(response: Response, maxBytes: number): Promise<unknown> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new ResponseTooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of (response.body ?? []) as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new ResponseTooLarge();
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** What a platform said instead of the expected answer, kept short: the first problem and an excerpt. */
function unexpectedAnswer(url: URL, what: string): string {
  return `unexpected answer from ${url.host}: ${what}`;
}

function describeMismatch(body: unknown, error: z.ZodError): string {
  if (typeof body === 'string') return `not JSON ("${excerpt(body)}")`;
  if (body === undefined) return 'an empty body';
  const issue = error.issues[0];
  return issue ? `${issue.path.length > 0 ? issue.path.join('.') : 'the body'}: ${issue.message}` : 'not the expected shape';
}

/** The start of a text on one line, control characters dropped, so a hostile answer cannot drive the terminal. */
function excerpt(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it removes
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

/**
 * JSON over fetch with the resilience both platforms need: 429 waits for Retry-After, 5xx
 * and dropped connections back off exponentially with jitter (bounded), a 401 refreshes
 * the token once. Errors come out as PlatformError with secrets redacted.
 */
export function createHttpClient(options: HttpClientOptions) {
  const policy = options.retry ?? defaultRetryPolicy;
  const secrets = options.secrets ?? [];
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const maxBytes = options.maxResponseBytes ?? defaultMaxResponseBytes;

  function urlFor(path: string, query: RequestOptions['query']): URL {
    const url = new URL(path.replace(/^\//, ''), base);
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    return url;
  }

  function fail(
    method: string,
    url: URL,
    message: string,
    details: Omit<ConstructorParameters<typeof PlatformError>[1], 'method' | 'url'> = {},
  ): PlatformError {
    const safeUrl = redact(`${url.origin}${url.pathname}`, secrets);
    return new PlatformError(redact(message, secrets), {
      method,
      url: safeUrl,
      ...details,
      ...(details.body !== undefined ? { body: JSON.parse(redact(JSON.stringify(details.body), secrets)) as unknown } : {}),
    });
  }

  /** A wait between attempts, cut short by the deadline (the next attempt then reports it). */
  async function pause(ms: number): Promise<void> {
    await sleep(ms, undefined, options.deadline ? { signal: options.deadline } : {}).catch(() => undefined);
  }

  async function request<T = unknown>(method: string, path: string, requestOptions: RequestOptions = {}): Promise<HttpResponse<T>> {
    const url = urlFor(path, requestOptions.query);
    const retryable = idempotentMethods.has(method) || requestOptions.retryUnsafe === true;
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      options.onAttempt?.({ method, url: url.toString(), attempt });
      const headers = {
        accept: 'application/json',
        ...(requestOptions.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(await options.authorize?.()),
        ...requestOptions.headers,
      };
      let response: Response;
      let body: unknown;
      const attemptSignal = AbortSignal.timeout(options.timeoutMs ?? defaultTimeoutMs);
      try {
        response = await fetch(url, {
          method,
          headers,
          ...(requestOptions.body !== undefined ? { body: JSON.stringify(requestOptions.body) } : {}),
          signal: options.deadline ? AbortSignal.any([attemptSignal, options.deadline]) : attemptSignal,
        });
        // Inside the try: a connection can also drop (or time out) while the body arrives.
        body = await readBody(response, maxBytes);
      } catch (error) {
        if (error instanceof ResponseTooLarge) throw fail(method, url, unexpectedAnswer(url, `the answer is larger than ${Math.round(maxBytes / 1024)} KiB`));
        if (options.deadline?.aborted) throw fail(method, url, `${method} ${url.pathname}: no answer from ${url.host} before the deadline (--timeout)`);
        // Connection refused / reset / DNS / timeout: retry idempotent requests, then give up with the cause.
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        if (retryable && attempt < policy.maxRetries) {
          await pause(backoff(policy, attempt));
          continue;
        }
        throw fail(method, url, `${method} ${url.pathname}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
      }
      if (response.ok || requestOptions.accept?.includes(response.status)) {
        if (response.ok && requestOptions.schema) {
          const parsed = requestOptions.schema.safeParse(body);
          if (!parsed.success) throw fail(method, url, unexpectedAnswer(url, describeMismatch(body, parsed.error)));
        }
        return { status: response.status, body: body as T, headers: response.headers };
      }
      if (response.status === 401 && !refreshed && options.onUnauthorized) {
        refreshed = true;
        await options.onUnauthorized();
        attempt--; // the refresh retry does not count against the retry budget
        continue;
      }
      if (response.status === 429 && attempt < policy.maxRetries) {
        await pause(Math.min(policy.maxRetryAfterMs, retryAfterMs(response.headers, body) ?? backoff(policy, attempt)));
        continue;
      }
      if (response.status >= 500 && retryable && attempt < policy.maxRetries) {
        await pause(backoff(policy, attempt));
        continue;
      }
      const described = options.describeError?.(body) ?? {};
      const message = `${method} ${url.pathname} → ${response.status}${described.message ? `: ${described.message}` : ''}`;
      throw fail(method, url, message, {
        status: response.status,
        ...(described.code !== undefined ? { code: described.code } : {}),
        ...(described.fields ? { fields: described.fields } : {}),
        body,
      });
    }
  }

  return { request, baseUrl: base };
}

export type HttpClient = ReturnType<typeof createHttpClient>;
