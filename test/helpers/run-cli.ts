import { execFile } from 'node:child_process';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

/** bin/txkit.js of this checkout; it runs dist/, which test/helpers/build-cli.ts builds first. */
export const txkitBin = fileURLToPath(new URL('../../bin/txkit.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface BinResult extends Omit<CliResult, 'code'> {
  /** Exit code; null when the process was killed by a signal. */
  code: number | null;
}

export interface RunCliOptions {
  cwd?: string;
  /** Added to the environment; `undefined` removes a variable (e.g. FORCE_COLOR). */
  env?: Record<string, string | undefined>;
}

function environment(options: RunCliOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** A piped (non-TTY) output stream that keeps what is written. */
function capture(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, encoding, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/**
 * Runs `txkit ...args` in this process (src/cli/main.ts, as bin/txkit.js runs it) with its own
 * folder, environment, empty stdin and piped (non-TTY) output, and resolves with its exit code and
 * output. Nothing of the process is changed: cwd, env, exitCode and the streams stay as they were.
 * Child processes the command starts (git) get this process's environment, not `options.env`.
 */
export async function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliResult> {
  const stdout = capture();
  const stderr = capture();
  const code = await main(['node', 'txkit', ...args], {
    cwd: path.resolve(options.cwd ?? process.cwd()),
    env: environment(options),
    stdin: Readable.from([]),
    stdout: stdout.stream,
    stderr: stderr.stream,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/**
 * Runs `node bin/txkit.js ...args` as a real subprocess with piped (non-TTY) output: for tests
 * whose point is the process (signals, closed pipes, the installed bin). Never rejects on a non-zero exit.
 */
export function runBin(args: readonly string[], options: RunCliOptions = {}): Promise<BinResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [txkitBin, ...args], { cwd: options.cwd, env: environment(options), maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
