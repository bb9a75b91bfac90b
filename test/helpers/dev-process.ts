import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { txkitBin } from './run-cli.js';

export interface DevProcess {
  child: ChildProcessWithoutNullStreams;
  /** stdout and stderr so far, interleaved as they arrived. */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first match of `pattern` in the output; rejects if the process exits first or after `ms`. */
  waitFor: (pattern: RegExp, ms?: number) => Promise<RegExpExecArray>;
}

export interface DevProcessOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** The bin to run: this checkout's unless told otherwise (e.g. a copy installed in a project). */
  bin?: string;
  /** The long-running command to start: `dev` unless told otherwise (`sandbox`, `events`). */
  command?: string;
}

/** Spawns `txkit dev ...args` (or another long-running command) as a user would, collecting its output. */
export function spawnDev(args: readonly string[], { cwd, env = process.env, bin = txkitBin, command = 'dev' }: DevProcessOptions): DevProcess {
  const child = spawn(process.execPath, [bin, command, ...args], { cwd, env });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: string) => {
    output += chunk;
    for (const listener of listeners) listener();
  };
  child.stdout.setEncoding('utf8').on('data', onData);
  child.stderr.setEncoding('utf8').on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const waitFor = (pattern: RegExp, ms = 30_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`txkit ${command} never printed ${pattern}:\n${output}`));
      }, ms);
      const check = () => {
        const match = pattern.exec(output);
        if (!match) return;
        done();
        resolve(match);
      };
      listeners.add(check);
      void exited.then(({ code, signal }) => {
        done();
        reject(new Error(`txkit ${command} exited (${code ?? signal}) before printing ${pattern}:\n${output}`));
      });
      check();
    });
  return { child, output: () => output, exited, waitFor };
}
