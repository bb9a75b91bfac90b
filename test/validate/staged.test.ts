import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTxkit } from './helpers.js';
import { greetingYaml } from '../helpers/temp-workspace.js';
import { positionOf } from '../helpers/text-position.js';

interface FileResult {
  filePath: string;
  messages: { ruleId: string; line: number; column: number; message: string }[];
}

const gitEnv = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' };

const goodYaml = greetingYaml({ name: 'Greeting' });
/** The subject reads an attribute message.yaml does not declare (in a branch no sample takes, so only that rule reports it). */
const brokenYaml = goodYaml.replace('Hello {{ customer.first_name }}', 'Hello {{ customer.first_name }}{% if customer.vip %} (VIP){% endif %}');
const body = '<html lang="en" dir="ltr"><body><p>Hi {{ customer.first_name }}</p></body></html>\n';
const sample = '{ "customer": { "first_name": "Ada" } }\n';

let repo: string;
/** The txkit project sits in a subfolder of the repository, as in a monorepo. */
let project: string;

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: repo, env: { ...process.env, ...gitEnv }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

async function write(relative: string, text: string): Promise<void> {
  const file = path.join(project, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

async function writeMessage(id: string, yaml: string): Promise<void> {
  await write(`templates/${id}/message.yaml`, yaml);
  await write(`templates/${id}/email.html`, body);
  await write(`templates/${id}/samples/standard.json`, sample);
}

async function validateStaged(): Promise<{ code: number; results: FileResult[]; stderr: string }> {
  const result = await runTxkit(['validate', '--staged', '--format', 'json'], project);
  return { code: result.code, results: result.stdout === '' ? [] : (JSON.parse(result.stdout) as FileResult[]), stderr: result.stderr };
}

/** Adds a diagnostic to the stored results of `id`: only a run answered from the result cache can report it. */
async function plantInResultCache(id: string): Promise<void> {
  const file = path.join(project, '.txkit-cache/validate/results.json');
  const stored = JSON.parse(await readFile(file, 'utf8')) as { entries: Record<string, { diagnostics: object[] }> };
  stored.entries[id]!.diagnostics.push({
    ruleId: 'planted',
    severity: 'error',
    message: 'planted by the test',
    file: path.join(project, `templates/${id}/message.yaml`),
    line: 1,
    column: 1,
  });
  await writeFile(file, JSON.stringify(stored));
}

const ruleIds = (results: readonly FileResult[]) => results.flatMap((result) => result.messages.map((message) => message.ruleId)).sort();

beforeEach(async () => {
  repo = await realpath(await mkdtemp(path.join(os.tmpdir(), 'txkit-staged-repo-')));
  project = path.join(repo, 'site');
  git('init', '-q');
  await writeMessage('greeting', goodYaml);
  await writeMessage('farewell', goodYaml.replace('Greeting', 'Farewell'));
  await write('templates/_partials/footer.html', '<p>Northwind</p>\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'templates');
});

afterEach(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('txkit validate --staged (a real git repository)', () => {
  it('reads the staged version: a broken staged file fails even when the working copy is fixed, and names the real file', async () => {
    await writeMessage('greeting', brokenYaml);
    git('add', 'site/templates/greeting/message.yaml');
    await writeMessage('greeting', goodYaml); // fixed in the working tree, not staged
    const { code, results, stderr } = await validateStaged();
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(results).toEqual([
      {
        filePath: path.join(project, 'templates/greeting/message.yaml'),
        messages: [expect.objectContaining({ ruleId: 'attributes/undeclared', ...positionOf(brokenYaml, 'customer.vip') })],
        errorCount: 1,
        warningCount: 0,
        infoCount: 0,
      },
    ]);
  });

  it('passes when the staged version is good, though the working copy is broken', async () => {
    await writeMessage('greeting', brokenYaml);
    git('add', 'site/templates/greeting/message.yaml');
    await writeMessage('greeting', goodYaml);
    git('add', 'site/templates/greeting/message.yaml');
    await writeMessage('greeting', brokenYaml); // broken again, unstaged
    expect(await validateStaged()).toEqual({ code: 0, results: [], stderr: '' });
    // The working copy really is broken.
    expect((await runTxkit(['validate'], project)).code).toBe(1);
  });

  it('checks only the messages the staged changes touch', async () => {
    // farewell is committed broken; only greeting changes.
    await writeMessage('farewell', brokenYaml.replace('Greeting', 'Farewell'));
    git('commit', '-q', '-am', 'break farewell');
    await write('templates/greeting/samples/standard.json', '{ "customer": { "first_name": 42 } }\n');
    git('add', '-A');
    const { code, results, stderr } = await validateStaged();
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(results.map((result) => path.relative(project, result.filePath))).toEqual(['templates/greeting/samples/standard.json']);
    expect(results[0]!.messages.map((message) => message.ruleId)).toEqual(['attributes/type']);
  });

  it('checks every message when a shared file (a partial) is staged', async () => {
    await writeMessage('farewell', brokenYaml.replace('Greeting', 'Farewell'));
    git('commit', '-q', '-am', 'break farewell');
    await write('templates/_partials/footer.html', '<p>Northwind Supply</p>\n');
    git('add', '-A');
    const { code, results, stderr } = await validateStaged();
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(results.map((result) => path.relative(project, result.filePath))).toEqual(['templates/farewell/message.yaml']);
  });

  it('reads the staged txkit.config.yaml: its severities apply to the staged messages', async () => {
    await writeMessage('greeting', brokenYaml);
    await write('txkit.config.yaml', 'rules:\n  attributes/undeclared: warning\n');
    git('add', '-A');
    await write('txkit.config.yaml', 'rules:\n  attributes/undeclared: error\n'); // unstaged
    const { code, results, stderr } = await validateStaged();
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(results.flatMap((result) => result.messages.map((message) => [message.ruleId, (message as { severity?: string }).severity]))).toEqual([
      ['attributes/undeclared', 'warning'],
    ]);
  });

  it('does nothing, successfully, when nothing in the workspace is staged', async () => {
    await writeMessage('greeting', brokenYaml); // changed but not staged
    await writeFile(path.join(repo, 'README.md'), 'readme\n');
    git('add', 'README.md');
    expect(await validateStaged()).toEqual({ code: 0, results: [], stderr: '' });
  });

  it('works in a repository without commits yet', async () => {
    await rm(path.join(repo, '.git'), { recursive: true, force: true });
    git('init', '-q');
    await writeMessage('greeting', brokenYaml);
    git('add', '-A');
    const { code, results, stderr } = await validateStaged();
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(results.map((result) => path.relative(project, result.filePath))).toEqual(['templates/greeting/message.yaml']);
  });

  it('answers from the result cache when the staged files are those the working tree was validated with, and only then', async () => {
    await writeMessage('greeting', brokenYaml);
    expect((await runTxkit(['validate'], project)).code).toBe(1);
    git('add', '-A');
    await plantInResultCache('greeting');
    expect(ruleIds((await validateStaged()).results)).toEqual(['attributes/undeclared', 'planted']);

    // An unstaged change does not matter; a staged one is validated afresh.
    await writeMessage('greeting', goodYaml);
    expect(ruleIds((await validateStaged()).results)).toEqual(['attributes/undeclared', 'planted']);
    git('add', '-A');
    expect(await validateStaged()).toEqual({ code: 0, results: [], stderr: '' });
  });

  it('leaves its results to the next run over the working tree, keeping the other messages’ results', async () => {
    expect((await runTxkit(['validate'], project)).code).toBe(0);
    await plantInResultCache('farewell');
    await writeMessage('greeting', brokenYaml);
    git('add', '-A');
    const staged = await validateStaged();
    expect({ code: staged.code, ruleIds: ruleIds(staged.results) }).toEqual({ code: 1, ruleIds: ['attributes/undeclared'] });
    await plantInResultCache('greeting');
    const { stdout } = await runTxkit(['validate', '--format', 'json'], project);
    expect(ruleIds(JSON.parse(stdout) as FileResult[])).toEqual(['attributes/undeclared', 'planted', 'planted']);
  });
});
