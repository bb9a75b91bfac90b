import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/sync/http-client.js';
import { PlatformError } from '../../src/sync/platform-error.js';
import { redact, secretValues } from '../../src/sync/secrets.js';
import buildCli from '../helpers/build-cli.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';

/**
 * Recognizable fake credentials go into the environment (and .env); local servers on 127.0.0.1
 * echo everything they receive (headers, body, path) back inside their error answers; txkit
 * fails in various ways; no secret may appear in any output, in any encoding a client sends.
 */

const secrets = {
  SFMC_CLIENT_ID: 'client-ABC-789',
  SFMC_CLIENT_SECRET: 'sekret-XYZ-123/+=',
  CUSTOMERIO_APP_API_KEY: 'cio-app-KEY-456',
  CUSTOMERIO_TRANSACTIONAL_API_KEY: 'cio-tx-KEY-654',
};

/** The access token the stand-in grants: txkit obtained it, so it is as secret as the credentials (issue 21, item 8). */
const accessToken = 'TOKEN-fake-access-321';

/** Every form in which a secret can travel: as is, URL-encoded, JSON-escaped, Base64 (alone and as Basic user:password). */
const leakForms = [
  ...[...Object.values(secrets), accessToken].flatMap((secret) => [
    secret,
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
    Buffer.from(secret).toString('base64'),
  ]),
  Buffer.from(`${secrets.SFMC_CLIENT_ID}:${secrets.SFMC_CLIENT_SECRET}`).toString('base64'),
];

function leaks(text: string): string[] {
  return leakForms.filter((form) => text.includes(form));
}

type Mode = 'reject' | 'reject-html' | 'token-then-forbidden' | 'unparsable';

/** A platform stand-in: answers every request with an error that quotes the request back. */
interface EchoServer {
  url: string;
  /** How it answers; switchable between requests. */
  mode: Mode;
  /** Every request as received, for checking that the secrets really were sent (and echoed). */
  received: string[];
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function startEchoServer(mode: Mode = 'reject'): Promise<EchoServer> {
  const echo: EchoServer = { url: '', mode, received: [], close: async () => undefined };
  const server: Server = createServer(async (request, response) => {
    const said = `${request.method} ${request.url} headers=${JSON.stringify(request.headers)} body=${await readBody(request)}`;
    echo.received.push(said);
    const answer = (status: number, type: string, body: string) => response.writeHead(status, { 'content-type': type }).end(body);
    if (echo.mode === 'token-then-forbidden' && request.url?.endsWith('/v2/token')) {
      return answer(200, 'application/json', JSON.stringify({ access_token: accessToken, expires_in: 1080, rest_instance_url: echo.url }));
    }
    if (echo.mode === 'reject-html') return answer(400, 'text/html', `<html><body><h1>Bad request</h1><pre>${said}</pre></body></html>`);
    if (echo.mode === 'unparsable') return answer(400, 'application/json', `{"message": "you sent ${said.replace(/"/g, "'")}`);
    // Every field either platform's error parsers read, each quoting the request.
    const status = echo.mode === 'token-then-forbidden' ? 403 : 401;
    return answer(
      status,
      'application/json',
      JSON.stringify({
        error: 'invalid_client',
        error_description: said,
        message: said,
        errorcode: 10001,
        validationErrors: [{ message: said }],
        meta: { error: said, errors: [said] },
        errors: [{ detail: said }],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  echo.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  echo.close = () => new Promise((resolve) => server.close(() => resolve()));
  return echo;
}

describe('redact', () => {
  it('replaces every occurrence of each secret, raw and URL-encoded, longest first', () => {
    const values = secretValues({ ...secrets, SFMC_ACCOUNT_ID: '12345' });
    expect(values).toHaveLength(4);
    const text = `id=${secrets.SFMC_CLIENT_ID}&secret=${encodeURIComponent(secrets.SFMC_CLIENT_SECRET)} again ${secrets.SFMC_CLIENT_SECRET}; key ${secrets.CUSTOMERIO_APP_API_KEY}${secrets.CUSTOMERIO_APP_API_KEY}`;
    const redacted = redact(text, values);
    expect(leaks(redacted)).toEqual([]);
    expect(redacted.split('***')).toHaveLength(6);
    // Not a secret: the account id is left alone.
    expect(redact('mid 12345', values)).toBe('mid 12345');
  });

  it('scrubs a secret that contains another one whole', () => {
    const values = secretValues({ SFMC_CLIENT_ID: 'abcd', SFMC_CLIENT_SECRET: 'xxabcdxx' });
    expect(redact('xxabcdxx and abcd', values)).toBe('*** and ***');
  });
});

describe('the HTTP client against a server that echoes the credentials', () => {
  let echo: EchoServer;
  beforeAll(async () => {
    echo = await startEchoServer();
  });
  afterAll(async () => {
    await echo.close();
  });

  const client = (baseUrl: string) =>
    createHttpClient({
      baseUrl,
      authorize: async () => ({ authorization: `Bearer ${secrets.CUSTOMERIO_APP_API_KEY}` }),
      secrets: secretValues(secrets),
      retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 2 },
      describeError: (body) => ({ message: (body as { message?: string } | undefined)?.message ?? (typeof body === 'string' ? body : undefined) }),
    });

  async function failure(request: () => Promise<unknown>): Promise<PlatformError> {
    const error = await request().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(PlatformError);
    return error as PlatformError;
  }

  /** Everything a caller might print or log about the error. */
  const everything = (error: PlatformError) =>
    [error.message, error.stack ?? '', JSON.stringify(error.details), inspect(error, { depth: 10 }), String(error)].join('\n');

  it.each<Mode>(['reject', 'reject-html', 'unparsable'])('redacts a %s answer: message, stack, details and inspect()', async (mode) => {
    echo.mode = mode;
    const from = echo.received.length;
    const error = await failure(() =>
      client(echo.url).request('POST', `v1/send/${encodeURIComponent(secrets.SFMC_CLIENT_SECRET)}`, {
        body: { client_id: secrets.SFMC_CLIENT_ID, client_secret: secrets.SFMC_CLIENT_SECRET },
        query: { api_key: secrets.CUSTOMERIO_TRANSACTIONAL_API_KEY },
      }),
    );
    // The server really got (and echoed) the secrets in several forms ...
    expect(leaks(echo.received.slice(from).join('\n')).length).toBeGreaterThanOrEqual(4);
    // ... and none of them comes out.
    expect(leaks(everything(error))).toEqual([]);
    expect(error.details.status).toBe(mode === 'reject' ? 401 : 400);
  });

  it('redacts a connection that fails (nothing listens on the port)', async () => {
    const closed = await startEchoServer();
    await closed.close();
    const error = await failure(() => client(closed.url).request('GET', `v1/messages/${secrets.CUSTOMERIO_APP_API_KEY}`));
    expect(leaks(everything(error))).toEqual([]);
    expect(error.message).toMatch(/ECONNREFUSED|fetch failed/);
  });
});

describe('txkit commands that fail, with secrets in the environment and in .env', () => {
  const examples = fileURLToPath(new URL('../../templates', import.meta.url));
  let project: string;
  const outputs: { args: string[]; result: CliResult }[] = [];

  beforeAll(async () => {
    await buildCli();
    project = await mkdtemp(path.join(os.tmpdir(), 'txkit-secrets-'));
    await cp(examples, path.join(project, 'templates'), { recursive: true });
  });
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  /** Runs txkit in `cwd` with only these platform settings (the real environment's are removed). */
  async function txkit(args: string[], env: Record<string, string>, cwd = project): Promise<CliResult> {
    const cleared = Object.fromEntries(
      ['SFMC_AUTH_BASE_URL', 'SFMC_ACCOUNT_ID', 'CUSTOMERIO_API_URL', 'CUSTOMERIO_REGION', ...Object.keys(secrets)].map((name) => [name, undefined]),
    );
    const result = await runCli(args, { cwd, env: { ...cleared, NO_COLOR: '1', FORCE_COLOR: undefined, ...env } });
    outputs.push({ args, result });
    return result;
  }

  const sfmcEnv = (echo: EchoServer) => ({ ...secrets, SFMC_AUTH_BASE_URL: echo.url });
  const customerioEnv = (echo: EchoServer) => ({ ...secrets, CUSTOMERIO_API_URL: echo.url });

  const cases: { name: string; mode: Mode; args: string[]; env: (echo: EchoServer) => Record<string, string>; reachesServer: boolean }[] = [
    { name: 'sfmc diff, token refused with the request quoted', mode: 'reject', args: ['diff', '--target', 'sfmc'], env: sfmcEnv, reachesServer: true },
    { name: 'sfmc push, token refused with an HTML page', mode: 'reject-html', args: ['push', '--target', 'sfmc', '--yes'], env: sfmcEnv, reachesServer: true },
    {
      name: 'sfmc send, token granted then every call forbidden',
      mode: 'token-then-forbidden',
      args: ['send', 'password-reset', '--target', 'sfmc', '--to', 'someone@example.com', '--timeout', '1'],
      env: sfmcEnv,
      reachesServer: true,
    },
    { name: 'sfmc pull, unparsable error bodies', mode: 'unparsable', args: ['pull', '--target', 'sfmc', '--dry-run'], env: sfmcEnv, reachesServer: true },
    {
      name: 'customerio diff, key refused with the request quoted',
      mode: 'reject',
      args: ['diff', '--target', 'customerio'],
      env: customerioEnv,
      reachesServer: true,
    },
    {
      name: 'customerio send, key refused',
      mode: 'reject',
      args: ['send', 'order-confirmation', '--target', 'customerio', '--to', '+14155552671'],
      env: customerioEnv,
      reachesServer: true,
    },
    {
      name: 'sfmc diff, the secret pasted into the auth URL',
      mode: 'reject',
      args: ['diff', '--target', 'sfmc'],
      env: () => ({
        ...secrets,
        SFMC_AUTH_BASE_URL: `${secrets.SFMC_CLIENT_SECRET} https://${secrets.SFMC_CLIENT_ID}:${secrets.SFMC_CLIENT_SECRET}@tenant.auth.example`,
      }),
      reachesServer: false,
    },
    {
      name: 'customerio diff, the key pasted into the API URL',
      mode: 'reject',
      args: ['diff', '--target', 'customerio'],
      env: () => ({ ...secrets, CUSTOMERIO_API_URL: `not a url ${secrets.CUSTOMERIO_APP_API_KEY}` }),
      reachesServer: false,
    },
  ];

  // Subprocesses dominate the time: run them side by side, each against its own server, with
  // room for a machine whose cores are busy elsewhere (the work per case is fixed).
  const cliTimeoutMs = 120_000;
  it.concurrent.each(cases)(
    '$name: fails, and prints no secret',
    async ({ mode, args, env, reachesServer }) => {
      const echo = await startEchoServer(mode);
      try {
        const result = await txkit(args, env(echo));
        expect(result.code, result.stderr).not.toBe(0);
        if (reachesServer) expect(leaks(echo.received.join('\n'))).not.toEqual([]);
        // The granted token really went out (and was echoed back in the refusals).
        if (mode === 'token-then-forbidden') expect(echo.received.some((request) => request.includes(accessToken))).toBe(true);
        expect(leaks(result.stdout + result.stderr)).toEqual([]);
      } finally {
        await echo.close();
      }
    },
    cliTimeoutMs,
  );

  it.concurrent(
    'secrets only in .env are redacted as well',
    async () => {
      const echo = await startEchoServer('reject');
      const withDotenv = await mkdtemp(path.join(os.tmpdir(), 'txkit-secrets-dotenv-'));
      try {
        await cp(examples, path.join(withDotenv, 'templates'), { recursive: true });
        const dotenv = Object.entries({ ...secrets, SFMC_AUTH_BASE_URL: echo.url }).map(([name, value]) => `${name}="${value}"`);
        await writeFile(path.join(withDotenv, '.env'), `${dotenv.join('\n')}\n`);
        const result = await txkit(['diff', '--target', 'sfmc'], {}, withDotenv);
        expect(result.code, result.stderr).not.toBe(0);
        expect(leaks(echo.received.join('\n'))).not.toEqual([]);
        expect(leaks(result.stdout + result.stderr)).toEqual([]);
      } finally {
        await echo.close();
        await rm(withDotenv, { recursive: true, force: true });
      }
    },
    cliTimeoutMs,
  );

  afterAll(() => {
    // One more look over everything every command printed.
    const leaked = outputs.filter(({ result }) => leaks(result.stdout + result.stderr).length > 0).map(({ args }) => args.join(' '));
    expect(leaked).toEqual([]);
  });
});
