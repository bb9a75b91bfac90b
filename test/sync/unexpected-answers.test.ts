import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/sync/http-client.js';
import { PlatformError } from '../../src/sync/platform-error.js';
import { z } from 'zod';
import buildCli from '../helpers/build-cli.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';

/**
 * Issue 21, item 10: a platform answer that is not what it should be is a failure, never a
 * success. Tiny raw servers on 127.0.0.1 answer 200 with an HTML page (what a captive portal or
 * a misrouted proxy sends), answer nothing at all, or answer far too much.
 */

type Mode = 'html' | 'silent' | 'huge';

interface RawServer {
  url: string;
  close(): Promise<void>;
}

async function startRawServer(mode: Mode): Promise<RawServer> {
  const hanging: ServerResponse[] = [];
  const server: Server = createServer((request, response) => {
    request.resume();
    if (mode === 'silent') {
      hanging.push(response);
      return;
    }
    if (mode === 'huge') {
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end(JSON.stringify({ items: 'x'.repeat(64 * 1024) }));
    }
    // An SFMC token is granted (so the REST calls are made), everything else is a web page.
    if (request.url?.endsWith('/v2/token')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end(JSON.stringify({ access_token: 'granted-token', expires_in: 1080, rest_instance_url: url }));
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<html><body><h1>Welcome to the hotel Wi-Fi</h1></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        for (const response of hanging) response.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('the HTTP client', () => {
  it('refuses a 2xx whose body does not have the expected shape', async () => {
    const server = await startRawServer('html');
    try {
      const client = createHttpClient({ baseUrl: server.url });
      const error = await client
        .request('GET', 'v1/transactional', { schema: z.object({ messages: z.array(z.unknown()) }) })
        .catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(PlatformError);
      expect((error as PlatformError).message).toMatch(/^unexpected answer from 127\.0\.0\.1:\d+: not JSON \("<html>/);
    } finally {
      await server.close();
    }
  });

  it('refuses an answer larger than the limit, unread', async () => {
    const server = await startRawServer('huge');
    try {
      const client = createHttpClient({ baseUrl: server.url, maxResponseBytes: 1024 });
      const error = await client.request('GET', 'anything').catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(PlatformError);
      expect((error as PlatformError).message).toMatch(/unexpected answer from 127\.0\.0\.1:\d+: the answer is larger than 1 KiB/);
    } finally {
      await server.close();
    }
  });

  it('gives up on a server that never answers when the deadline fires, without retrying', async () => {
    const server = await startRawServer('silent');
    try {
      const attempts: number[] = [];
      const client = createHttpClient({ baseUrl: server.url, deadline: AbortSignal.timeout(300), onAttempt: ({ attempt }) => attempts.push(attempt) });
      const error = await client.request('GET', 'v1/transactional').catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(PlatformError);
      expect((error as PlatformError).message).toMatch(/no answer from 127\.0\.0\.1:\d+ before the deadline/);
      expect(attempts).toEqual([0]);
    } finally {
      await server.close();
    }
  });
});

describe('txkit commands against a server that answers with a web page', () => {
  let project: string;
  beforeAll(async () => {
    await buildCli();
    project = await mkdtemp(path.join(os.tmpdir(), 'txkit-unexpected-'));
    await cp(path.resolve(import.meta.dirname, '../../templates'), path.join(project, 'templates'), { recursive: true });
  });
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  const cleared = Object.fromEntries(
    [
      'SFMC_AUTH_BASE_URL',
      'SFMC_ACCOUNT_ID',
      'SFMC_CLIENT_ID',
      'SFMC_CLIENT_SECRET',
      'CUSTOMERIO_API_URL',
      'CUSTOMERIO_REGION',
      'CUSTOMERIO_APP_API_KEY',
      'CUSTOMERIO_TRANSACTIONAL_API_KEY',
    ].map((name) => [name, undefined]),
  );
  const customerio = (server: RawServer) => ({
    CUSTOMERIO_API_URL: server.url,
    CUSTOMERIO_APP_API_KEY: 'app-key-1234',
    CUSTOMERIO_TRANSACTIONAL_API_KEY: 'tx-key-1234',
  });
  const sfmc = (server: RawServer) => ({ SFMC_AUTH_BASE_URL: server.url, SFMC_CLIENT_ID: 'client-id-1234', SFMC_CLIENT_SECRET: 'client-secret-1234' });

  async function txkit(args: string[], env: Record<string, string>): Promise<CliResult> {
    return runCli(args, { cwd: project, env: { ...cleared, NO_COLOR: '1', FORCE_COLOR: undefined, ...env } });
  }

  const cliTimeoutMs = 120_000;

  it.concurrent(
    'customerio send does not print "queued" for an HTML page',
    async () => {
      const server = await startRawServer('html');
      try {
        const result = await txkit(['send', 'order-confirmation', '--target', 'customerio', '--to', '+14155552671'], customerio(server));
        expect(result.code).toBe(1);
        expect(result.stdout).not.toMatch(/queued/);
        expect(result.stderr).toMatch(/unexpected answer from 127\.0\.0\.1:\d+: not JSON/);
      } finally {
        await server.close();
      }
    },
    cliTimeoutMs,
  );

  it.concurrent(
    'customerio pull does not say "Nothing to pull" for an HTML page',
    async () => {
      const server = await startRawServer('html');
      try {
        const result = await txkit(['pull', '--target', 'customerio', '--dry-run'], customerio(server));
        expect(result.code).toBe(1);
        expect(result.stdout).not.toMatch(/Nothing to pull/);
        expect(result.stderr).toMatch(/unexpected answer from 127\.0\.0\.1:\d+/);
      } finally {
        await server.close();
      }
    },
    cliTimeoutMs,
  );

  it.concurrent(
    'sfmc diff reports the HTML page instead of crashing on it',
    async () => {
      const server = await startRawServer('html');
      try {
        const result = await txkit(['diff', '--target', 'sfmc'], sfmc(server));
        expect(result.code).toBe(1);
        expect(result.stderr).not.toMatch(/is not a function|TypeError/);
        expect(result.stderr).toMatch(/unexpected answer from 127\.0\.0\.1:\d+/);
      } finally {
        await server.close();
      }
    },
    cliTimeoutMs,
  );

  it.concurrent(
    'customerio diff ends at --timeout when the server accepts and never answers',
    async () => {
      const server = await startRawServer('silent');
      try {
        const result = await txkit(['diff', '--target', 'customerio', '--timeout', '1'], customerio(server));
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/no answer from 127\.0\.0\.1:\d+ before the deadline \(--timeout\)/);
      } finally {
        await server.close();
      }
    },
    cliTimeoutMs,
  );
});
