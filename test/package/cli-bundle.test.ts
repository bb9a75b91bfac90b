import { execFile } from 'node:child_process';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import buildCli from '../helpers/build-cli.js';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';

// The bundle is what bin/txkit.js runs after `npm run build`: mjml, handlebars and postcss are bundled
// into it with their own dependencies (some left out as unreachable), so it must do what dist/cli/ does.
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
let project: TempDir;

/** `main(argv)` of a compiled CLI (argv as node gives it: after `-e`, the first is the program name), in its own process, in the project copy: stdout and the exit code. */
async function cli(entry: string, ...args: string[]) {
  const script = `const { main } = await import(${JSON.stringify(pathToFileURL(entry).href)}); process.exitCode = await main(process.argv);`;
  try {
    return { stdout: (await run(process.execPath, ['--input-type=module', '-e', script, '--', 'txkit', ...args], { cwd: project.root })).stdout, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; code: number };
    return { stdout: failed.stdout, code: failed.code };
  }
}

beforeAll(async () => {
  // dist/ and the bundle, each rebuilt when older than what it is built from.
  await buildCli();
  project = await makeTempDir();
  await cp(path.join(repoRoot, 'templates'), project.path('templates'), { recursive: true });
});

afterAll(async () => {
  await project.remove();
});

describe('the CLI bundle', () => {
  const dist = path.join(repoRoot, 'dist', 'cli', 'main.js');
  const bundle = path.join(repoRoot, 'dist', 'cli-bundle', 'main.js');

  it('compiles an MJML email to the same HTML as mjml loaded from node_modules', async () => {
    const args = ['render', 'order-confirmation', '--json'];
    const [fromBundle, fromDist] = [await cli(bundle, ...args), await cli(dist, ...args)];
    expect(fromBundle.code).toBe(0);
    expect(JSON.parse(fromBundle.stdout).html).toContain('<!doctype html>');
    expect(fromBundle).toEqual(fromDist);
  });

  it('renders Handlebars and reports the same problems as dist/cli/', async () => {
    const render = ['render', 'password-reset', '--json'];
    expect(await cli(bundle, ...render)).toEqual(await cli(dist, ...render));
    const validate = ['validate', '--format', 'json'];
    const [fromBundle, fromDist] = [await cli(bundle, ...validate), await cli(dist, ...validate)];
    expect(JSON.parse(fromBundle.stdout).length).toBeGreaterThan(0);
    expect(fromBundle).toEqual(fromDist);
  });
});
