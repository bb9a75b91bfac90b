import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import buildCli from '../helpers/build-cli.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * `txkit build` is the one command that writes files: it writes inside its output folder and
 * nowhere else, even when a sample's name is `..`, when the manifest of an earlier build was
 * tampered with to list files outside, or when a folder inside the output is a symlink out.
 */

const examples = fileURLToPath(new URL('../../templates', import.meta.url));
let root: string;
let project: string;
let outside: string;

/** Every path under `dir` with its size and modification time: what a write anywhere would change. */
async function snapshot(dir: string, except?: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const lines: string[] = [];
  for (const entry of entries) {
    const file = path.join(entry.parentPath, entry.name);
    if (except && (file === except || file.startsWith(`${except}${path.sep}`))) continue;
    const info = await stat(file).catch(() => undefined);
    lines.push(`${path.relative(dir, file)} ${entry.isSymbolicLink() ? 'link' : entry.isDirectory() ? 'dir' : `${info?.size}:${info?.mtimeMs}`}`);
  }
  return lines.sort();
}

beforeAll(async () => {
  await buildCli();
  root = await mkdtemp(path.join(os.tmpdir(), 'txkit-build-confinement-'));
  project = path.join(root, 'project');
  outside = path.join(root, 'outside');
  await cp(examples, path.join(project, 'templates'), { recursive: true });
  await mkdir(outside, { recursive: true });
  await writeFile(path.join(outside, 'victim.txt'), 'must survive');
  // A sample whose name is `..`: its artifacts would be `samples/...html` or climb, if names were paths.
  await cp(path.join(project, 'templates/shipping-update/samples/standard.json'), path.join(project, 'templates/shipping-update/samples/...json'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Builds into `out`, lets `tamper` change what the first build left, builds again: nothing outside `out` may change. */
async function buildTwice(out: string, tamper: (out: string, manifest: { messages: { message: string; files: { path: string }[] }[] }) => Promise<void>) {
  const build = () => runCli(['build', '--out', path.relative(project, out)], { cwd: project, env: { NO_COLOR: '1' } });
  const first = await build();
  expect(first.code, first.stderr).toBe(0);
  const manifestPath = path.join(out, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Parameters<typeof tamper>[1];
  await tamper(out, manifest);
  await writeFile(manifestPath, JSON.stringify(manifest));
  const outsideBefore = await snapshot(outside);
  const projectBefore = await snapshot(project, out);
  const second = await build();
  expect(second.stderr).not.toContain('internal error');
  expect(await snapshot(outside)).toEqual(outsideBefore);
  expect(await snapshot(project, out)).toEqual(projectBefore);
  await expect(readFile(path.join(outside, 'victim.txt'), 'utf8')).resolves.toBe('must survive');
  return second;
}

describe('txkit build writes only inside its output folder', () => {
  it('removes no file outside when a tampered manifest lists them as stale output', async () => {
    const second = await buildTwice(path.join(project, 'out-manifest'), async (_out, manifest) => {
      for (const entry of manifest.messages) entry.files.push({ path: '../../outside/victim.txt' }, { path: path.join(outside, 'victim.txt') });
    });
    expect(second.stderr).toContain('refusing');
  });

  it('writes nothing through a symlink inside the output folder that points outside', async () => {
    const second = await buildTwice(path.join(project, 'out-symlink'), async (out) => {
      await rm(path.join(out, 'shipping-update', 'samples'), { recursive: true, force: true });
      await symlink(outside, path.join(out, 'shipping-update', 'samples'));
    });
    expect(second.stderr).toContain('refusing');
  });
});
