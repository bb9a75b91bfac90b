import { spawn } from 'node:child_process';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import buildCli from '../helpers/build-cli.js';
import { txkitBin } from '../helpers/run-cli.js';
import { copyExamples, removeProjects } from './sfmc-fixtures.js';

/**
 * Issue 21, item 11: Ctrl-C during `push` still prints which messages were published and which
 * were not. An SFMC stand-in on 127.0.0.1 holds the first write until the test has sent SIGINT,
 * so the interruption falls mid-push whatever the machine's speed.
 */
describe('txkit push interrupted by SIGINT', () => {
  it('finishes the write in flight, starts no other, and prints the published / not published summary', { timeout: 120_000 }, async () => {
    await buildCli();
    const project = await copyExamples();
    let held: ServerResponse | undefined;
    let firstWrite: () => void = () => undefined;
    const firstWriteArrived = new Promise<void>((resolve) => (firstWrite = resolve));
    const writes: string[] = [];
    let url = '';
    const server = createServer((request, response) => {
      request.resume();
      const send = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (request.url === '/v2/token') return send(200, { access_token: 'token-1234', expires_in: 1079, rest_instance_url: url });
      if (request.method === 'GET')
        return request.url!.startsWith('/asset/')
          ? send(200, { count: 0, page: 1, pageSize: 50, items: [] })
          : send(404, { errorcode: 30003, message: 'Not Found' });
      writes.push(`${request.method} ${request.url}`);
      if (!held) {
        held = response;
        return firstWrite();
      }
      send(201, {});
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        SFMC_AUTH_BASE_URL: url,
        SFMC_CLIENT_ID: 'client-id',
        SFMC_CLIENT_SECRET: 'client-secret',
        NO_COLOR: '1',
      };
      delete env.FORCE_COLOR;
      const child = spawn(process.execPath, [txkitBin, 'push', '--target', 'sfmc', '--yes', '--concurrency', '1'], { cwd: project, env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));

      await firstWriteArrived;
      child.kill('SIGINT');
      // Give the signal time to land before the held write is answered: the answer is what lets the push go on.
      await new Promise((resolve) => setTimeout(resolve, 500));
      held!.writeHead(201, { 'content-type': 'application/json' }).end('{}');
      const code = await exited;

      expect(code).toBe(1);
      expect(writes).toHaveLength(1);
      expect(stderr).toMatch(/not published/);
      expect(stderr).toMatch(/interrupted \(SIGINT\)/);
      expect(stdout).toMatch(/published or up to date, \d+ not published\./);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await removeProjects();
    }
  });
});
