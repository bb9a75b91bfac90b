import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, txkitBin } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';

/**
 * The exit-code contract of the real CLI process (README "Exit codes"): 0 clean, 1 problems,
 * 2 usage or environment (one line, no stack), 70 a bug in txkit; and a closed stdout
 * (`txkit list | head -1`) ends the command quietly.
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const makeDir = useTempDirs();

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Runs txkit with its stdout pipe closed by the reader before txkit writes anything, as `head`
 * does once it has its line: every write txkit makes fails with EPIPE, deterministically.
 */
function runWithClosedStdout(args: readonly string[], nodeOptions: readonly string[] = []): Promise<Ended> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeOptions, txkitBin, ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('a closed stdout ends every command quietly', () => {
  it.each([[['list']], [['validate', '--help']], [['--help']], [['render', 'shipping-update', '--json']], [['rules']]])(
    'txkit %j | head -1: status 0, nothing on stderr',
    async (args) => {
      const ended = await runWithClosedStdout(args);
      expect(ended.stderr).toBe('');
      expect(ended.code).toBe(0);
    },
  );
});

describe('exit codes', () => {
  it('an internal error exits 70 and says it is a bug in txkit, with the version', async () => {
    // A fault injected into the real process (as the sandbox injects HTTP faults): process.cwd
    // throws a plain Error, which no input can cause, so it must be reported as a txkit bug.
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default as { version: string };
    const inject = `data:text/javascript,process.cwd=()=>{throw new Error("injected fault")}`;
    const child = spawn(process.execPath, ['--import', inject, txkitBin, 'list'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(70);
    expect(stderr).toContain(`this is a bug in txkit ${version}`);
    expect(stderr).toContain('injected fault');
  });

  it.each([['list'], ['validate'], ['render', 'x'], ['build']])('-w /etc/passwd (a file, not a folder): one-line usage error, exit 2 (%s)', async (...args) => {
    const result = await runCli([...args, '-w', '/etc/passwd'], { cwd: repoRoot, env: { NO_COLOR: '1' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('txkit: the workspace is not a folder at /etc/passwd: run txkit from your project root, or pass --workspace DIR\n');
  });

  it('build --out where the folder cannot be created (a file is in the way): one-line usage error, exit 2', async () => {
    // Tests may run as root, which ignores permission bits: ENOTDIR is an error no user can write past.
    const project = await makeDir({ blocker: 'a file, not a folder' });
    const result = await runCli(['build', '-w', path.join(repoRoot, 'templates'), '--out', 'blocker/out'], { cwd: project.root, env: { NO_COLOR: '1' } });
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^txkit: cannot mkdir .*blocker\/out.*: a part of the path is a file, not a folder \(ENOTDIR\)$/m);
    expect(result.stderr).not.toContain('    at ');
  });
});
