/**
 * `npm test`: `node --import tsx scripts/run-checks.ts [--while <script>] <check>...` runs the npm
 * scripts `<check>...` as many at a time as there are cores, while the npm script `<script>` (the
 * test suite) runs beside them. The suite spends much of its time waiting (Chromium, the preview
 * server, spawned CLIs) and each check is one single-threaded process (tsc, eslint, prettier), so
 * one after another they left the cores idle. The checks run at the lowest scheduling priority:
 * they take only the CPU the suite leaves, so its browser waits see the machine they would see
 * alone. The suite's output streams as it comes; a check's output is printed whole when it ends,
 * so two never interleave. Everything runs to its end; a summary closes the output, and the exit
 * status is 1 when anything failed.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const args = process.argv.slice(2);
const whileIndex = args.indexOf('--while');
const suite = whileIndex === -1 ? undefined : args.splice(whileIndex, 2)[1];
const checks = args;

interface Outcome {
  name: string;
  passed: boolean;
  seconds: string;
}

/**
 * `npm run <name>`: the suite with its output streaming; a check with its output kept, under
 * `nice` (POSIX) when the suite runs beside it, so the check's whole process tree yields the CPU.
 */
function run(name: string, foreground: boolean): Promise<Outcome> {
  const started = performance.now();
  const yielding = !foreground && suite !== undefined && process.platform !== 'win32';
  const command = yielding ? ['nice', '-n', '19', npm] : [npm];
  return new Promise((resolve) => {
    const child = spawn(command[0]!, [...command.slice(1), 'run', '--silent', name], {
      stdio: ['ignore', foreground ? 'inherit' : 'pipe', foreground ? 'inherit' : 'pipe'],
    });
    const output: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('close', (code, signal) => {
      const outcome = { name, passed: code === 0, seconds: ((performance.now() - started) / 1000).toFixed(1) };
      if (!foreground) {
        process.stdout.write(`\n${outcome.passed ? '✓' : '✗'} npm run ${name} (${outcome.seconds} s${outcome.passed ? '' : `, exit ${code ?? signal}`})\n`);
        process.stdout.write(Buffer.concat(output));
      }
      resolve(outcome);
    });
  });
}

const queue = [...checks];
const outcomes: Outcome[] = [];
async function lane(): Promise<void> {
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) outcomes.push(await run(name, false));
}
const suiteOutcome = suite === undefined ? undefined : run(suite, true);
await Promise.all(Array.from({ length: Math.min(os.availableParallelism(), checks.length) }, lane));
if (suiteOutcome) outcomes.push(await suiteOutcome);

process.stdout.write(`\n${outcomes.map(({ name, passed, seconds }) => `${passed ? '✓' : '✗'} npm run ${name} (${seconds} s)`).join('\n')}\n`);
process.exitCode = outcomes.every(({ passed }) => passed) ? 0 : 1;
