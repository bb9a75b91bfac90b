import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import buildCli from '../helpers/build-cli.js';
import { spawnDev, type DevProcess } from '../helpers/dev-process.js';
import { runCli, txkitBin } from '../helpers/run-cli.js';
import { repoRoot } from './preview-harness.js';

let project: string;

beforeAll(async () => {
  await buildCli();
  // A project folder outside the repository: the UI must be found from the package, not the cwd.
  project = await mkdtemp(path.join(os.tmpdir(), 'txkit-dev-'));
  await cp(path.join(repoRoot, 'templates'), path.join(project, 'emails'), { recursive: true });
});

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

interface RunningDev extends DevProcess {
  url: string;
}

/** Starts `txkit dev ...args` (this checkout's, in the project folder, unless told otherwise) and waits for it to print its URL. */
async function startDev(args: readonly string[], where: { bin: string; cwd: string } = { bin: txkitBin, cwd: project }): Promise<RunningDev> {
  const dev = spawnDev(args, { ...where, env: { ...process.env, NO_COLOR: '1' } });
  const [, url] = await dev.waitFor(/Local:\s+(http:\/\/127\.0\.0\.1:\d+\/)[\s\S]*Ctrl\+C/, 15_000);
  return { ...dev, url: url! };
}

function listen(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('txkit dev', () => {
  it('serves the preview of the given workspace, prints its URL, and stops on Ctrl+C', async () => {
    const dev = await startDev(['emails', '--port', '0']);
    try {
      const page = await fetch(dev.url);
      expect(page.status).toBe(200);
      await expect(page.text()).resolves.toContain('<div id="app"></div>');
      const snapshot = (await (await fetch(`${dev.url}__txkit/api/workspace`)).json()) as { root: string; messages: Array<{ id: string }> };
      expect(snapshot.root).toBe(path.join(project, 'emails'));
      expect(snapshot.messages.map((message) => message.id)).toContain('order-confirmation');
      expect(dev.output()).toMatch(/Workspace: emails \(\d+ messages/);
    } finally {
      dev.child.kill('SIGINT');
    }
    expect(await dev.exited, dev.output()).toEqual({ code: 0, signal: null });
  });

  it('moves to the next free port when the asked one is taken, and says so', async () => {
    const blocker = await listen(0);
    const taken = (blocker.address() as net.AddressInfo).port;
    const dev = await startDev(['emails', '--port', String(taken)]);
    try {
      const port = Number(new URL(dev.url).port);
      expect(port).not.toBe(taken);
      expect(dev.output()).toContain(`port ${taken} is in use: serving on ${port} instead`);
      // Said once: Vite's own "Port N is in use, trying another one..." is not repeated beside it (issue 18 item 7).
      expect(dev.output().match(/is in use/gi)).toHaveLength(1);
    } finally {
      dev.child.kill('SIGINT');
      blocker.close();
    }
    expect(await dev.exited, dev.output()).toEqual({ code: 0, signal: null });
  });

  it('is a one-line usage error when --host is not an address of this machine', { timeout: 120_000 }, async () => {
    // .invalid never resolves (RFC 2606); 192.0.2.1 is a documentation address (RFC 5737) no machine here has.
    for (const host of ['evil.invalid', 'not a host!', '192.0.2.1']) {
      const result = await runCli(['dev', 'emails', '--port', '0', '--host', host], { cwd: project, env: { NO_COLOR: '1' } });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr, host).toMatch(new RegExp(`^txkit: cannot listen on ${host.replace(/[.!]/g, '\\$&')}:0: [^\n]+\n$`));
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    }
  });

  it('in a monorepo, serves no file of the monorepo through /@fs/ (txkit installed in its node_modules)', { timeout: 120_000 }, async () => {
    // Vite serves /@fs/ from the workspace root it finds above the UI's folder: for txkit
    // installed in a monorepo's node_modules, the monorepo root (pnpm-workspace.yaml).
    const mono = await mkdtemp(path.join(os.tmpdir(), 'txkit-monorepo-'));
    try {
      const secret = 'AWS_SECRET_ACCESS_KEY=monorepo-secret-7f3a';
      await writeFile(path.join(mono, 'pnpm-workspace.yaml'), "packages:\n  - 'packages/*'\n");
      await writeFile(path.join(mono, 'package.json'), JSON.stringify({ private: true, workspaces: ['packages/*'] }));
      await writeFile(path.join(mono, 'credentials'), `${secret}\n`);
      const installed = path.join(mono, 'node_modules', 'txkit');
      for (const part of ['bin', 'dist', 'preview', 'package.json']) await cp(path.join(repoRoot, part), path.join(installed, part), { recursive: true });
      await symlink(path.join(repoRoot, 'node_modules'), path.join(installed, 'node_modules'), 'dir');
      const app = path.join(mono, 'packages', 'app');
      await cp(path.join(repoRoot, 'templates'), path.join(app, 'templates'), { recursive: true });
      await writeFile(path.join(app, 'credentials'), `${secret}\n`);

      const dev = await startDev(['templates', '--port', '0'], { bin: path.join(installed, 'bin', 'txkit.js'), cwd: app });
      try {
        // The preview itself runs from the installed copy.
        await expect(fetch(`${dev.url}src/main.ts`).then((response) => response.status)).resolves.toBe(200);
        const targets = [
          `@fs${mono}/credentials`,
          `@fs${mono}/credentials?raw`,
          `@fs${mono}/credentials?import&raw`,
          `@fs${mono}/credentials?url`,
          `@fs${app}/credentials`,
          `@fs${installed}/preview/%2e%2e/%2e%2e/%2e%2e/credentials`,
          `@fs${installed}/preview/..%2f..%2f..%2fcredentials`,
          `%2e%2e/%2e%2e/%2e%2e/credentials`,
          `@fs/${mono.replace(/\//g, '\\')}\\credentials`,
        ];
        for (const target of targets) {
          const response = await fetch(dev.url + target);
          const body = await response.text();
          expect(body, target).not.toContain(secret);
          // Encoded separators do not name the file: those fall through to the page (the SPA fallback).
          if (target.startsWith('@fs') && !target.includes('%')) expect(response.status, target).toBe(403);
        }
      } finally {
        dev.child.kill('SIGINT');
      }
      expect(await dev.exited, dev.output()).toEqual({ code: 0, signal: null });
    } finally {
      await rm(mono, { recursive: true, force: true });
    }
  });

  it('is a usage error when the workspace does not exist', async () => {
    const result = await runCli(['dev', 'no-such-folder', '--port', '0'], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`no workspace at ${path.join(project, 'no-such-folder')}`);
  });
});
