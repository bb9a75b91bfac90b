import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** bin/txkit.js of this checkout; it runs dist/, which test/helpers/build-cli.ts builds first. */
export const txkitBin = fileURLToPath(new URL('../../bin/txkit.js', import.meta.url));

export interface CliResult {
  /** Exit code; null when the process was killed by a signal. */
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  cwd?: string;
  /** Added to the environment; `undefined` removes a variable (e.g. FORCE_COLOR). */
  env?: Record<string, string | undefined>;
}

/**
 * Runs `node bin/txkit.js ...args` as a real subprocess with piped (non-TTY) output and
 * resolves with its exit code and output; it never rejects on a non-zero exit.
 */
export function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return new Promise((resolve) => {
    execFile(process.execPath, [txkitBin, ...args], { cwd: options.cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
