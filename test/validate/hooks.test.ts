import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, realpath, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { txkitBin } from '../helpers/run-cli.js';
import { runTxkit } from './helpers.js';

const gitEnv = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' };

let repo: string;
let project: string;

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: repo, env: { ...process.env, ...gitEnv }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const hookFile = () => path.join(repo, '.git/hooks/pre-commit');

beforeEach(async () => {
  repo = await realpath(await mkdtemp(path.join(os.tmpdir(), 'txkit-hooks-')));
  project = path.join(repo, 'site');
  await mkdir(project);
  git('init', '-q');
});

afterEach(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('txkit hooks install', () => {
  it('writes an executable pre-commit hook in git’s hooks folder, and updates its own hook when run again', async () => {
    const first = await runTxkit(['hooks', 'install'], project);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('installed');
    const script = await readFile(hookFile(), 'utf8');
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).toContain("cd 'site' || exit 1");
    expect(script).toContain('txkit validate --staged');
    expect((await stat(hookFile())).mode & 0o111).not.toBe(0);
    const again = await runTxkit(['hooks', 'install'], project);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('updated');
  });

  it('refuses to overwrite a hook it did not write, unless --force', async () => {
    await mkdir(path.dirname(hookFile()), { recursive: true });
    await writeFile(hookFile(), '#!/bin/sh\nnpm test\n');
    const refused = await runTxkit(['hooks', 'install'], project);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(await readFile(hookFile(), 'utf8')).toBe('#!/bin/sh\nnpm test\n');
    const forced = await runTxkit(['hooks', 'install', '--force'], project);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('replaced');
    expect(await readFile(hookFile(), 'utf8')).toContain('txkit validate --staged');
  });

  it('passes --workspace on to the hook', async () => {
    expect((await runTxkit(['hooks', 'install', '--workspace', "it's here"], project)).code).toBe(0);
    expect(await readFile(hookFile(), 'utf8')).toContain(`exec npx --no -- txkit validate --staged --workspace 'it'\\''s here'`);
  });

  it('honours core.hooksPath', async () => {
    git('config', 'core.hooksPath', 'githooks');
    expect((await runTxkit(['hooks', 'install'], project)).code).toBe(0);
    expect(await readFile(path.join(repo, 'githooks/pre-commit'), 'utf8')).toContain('txkit validate --staged');
  });

  it('exits 2 outside a git repository', async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), 'txkit-hooks-nogit-'));
    try {
      const result = await runTxkit(['hooks', 'install'], outside, { GIT_CEILING_DIRECTORIES: path.dirname(outside) });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('git repository');
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('blocks a commit whose staged templates have errors, and lets the fixed one through', async () => {
    // The project's txkit, as `npm install --save-dev txkit` would place it.
    await mkdir(path.join(project, 'node_modules/.bin'), { recursive: true });
    await symlink(txkitBin, path.join(project, 'node_modules/.bin/txkit'));
    await writeFile(path.join(repo, '.gitignore'), 'node_modules/\n');
    expect((await runTxkit(['hooks', 'install'], project)).code).toBe(0);
    const message = path.join(project, 'templates/greeting/message.yaml');
    await mkdir(path.dirname(message), { recursive: true });
    await writeFile(path.join(project, 'templates/greeting/email.html'), '<html lang="en" dir="ltr"><body>Hi</body></html>\n');
    await writeFile(message, 'name: Greeting\nemail:\n  subject: "Hello {{ customer.first_name }}"\n  from: "Shop <shop@example.com>"\n  body: email.html\n');
    git('add', '-A');
    const blocked = spawnSync('git', ['commit', '-m', 'greeting'], { cwd: repo, env: { ...process.env, ...gitEnv, NO_COLOR: '1' }, encoding: 'utf8' });
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain('attributes/undeclared');
    expect(() => git('rev-parse', 'HEAD')).toThrow();
    await writeFile(
      message,
      'name: Greeting\nemail:\n  subject: "Hello {{ customer.first_name }}"\n  from: "Shop <shop@example.com>"\n  body: email.html\nattributes:\n  customer:\n    first_name: { type: string }\n',
    );
    git('add', '-A');
    const committed = spawnSync('git', ['commit', '-m', 'greeting'], { cwd: repo, env: { ...process.env, ...gitEnv, NO_COLOR: '1' }, encoding: 'utf8' });
    expect(committed.status).toBe(0);
    expect(git('log', '--oneline')).toContain('greeting');
  });
});
