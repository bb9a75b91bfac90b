/**
 * `npm test`'s static checks: the npm scripts named on the command line, as many at a time as
 * there are cores. Each is one single-threaded process (tsc, eslint, prettier), so run one after
 * another they left a core idle for a minute and a half. Listed longest first, they share the cores
 * evenly. A check's output is printed whole when it ends, so two never interleave; every check
 * runs, and the exit status is 1 when any failed.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';

const names = process.argv.slice(2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(name: string): Promise<boolean> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('close', (code, signal) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const passed = code === 0;
      process.stdout.write(`\n${passed ? '✓' : '✗'} npm run ${name} (${seconds} s${passed ? '' : `, exit ${code ?? signal}`})\n`);
      process.stdout.write(Buffer.concat(output));
      resolve(passed);
    });
  });
}

const queue = [...names];
const results: boolean[] = [];
async function lane(): Promise<void> {
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) results.push(await run(name));
}
await Promise.all(Array.from({ length: Math.min(os.availableParallelism(), names.length) }, lane));
process.exitCode = results.every(Boolean) ? 0 : 1;
