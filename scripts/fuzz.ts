/**
 * `npm run fuzz`: the seeded hostile suite at scale. Input #i of seed S mutates one file of a copy of
 * the example project (message.yaml, txkit.config.yaml, samples, Liquid/Handlebars MJML, HTML and
 * text templates, sms.txt, .env) and runs it through load → render → validate (test/hostile). Each
 * input must end, within the work budget (10 s of CPU, 512 MB), in a clean render or a diagnostic.
 * Writes a JSON summary (inputs, crashes, hangs, silent passes, replay commands) to
 * bench/results/fuzz-latest.json; exits 1 when any input failed.
 *
 *   npm run fuzz                                   10 000 inputs of the default seed
 *   npm run fuzz -- --inputs 500 --jobs 1          fewer inputs, one process
 *   npm run fuzz -- --seed 7 --from 41 --to 42     replay input #41 of seed 7
 *
 * Inputs run in child processes (--jobs of them, each with a capped heap): an input that kills
 * its process (out of memory, a native crash) is recorded as a crash and the run goes on after it.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { HostileFailure, HostileWorkspace, type FailureKind } from '../test/hostile/hostile-pipeline.js';
import { defaultFuzzSeed, seededInput } from '../test/hostile/mutations.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const { values: options } = parseArgs({
  options: {
    seed: { type: 'string', default: String(defaultFuzzSeed) },
    inputs: { type: 'string', default: '10000' },
    from: { type: 'string' },
    to: { type: 'string' },
    jobs: { type: 'string', default: String(Math.max(1, Math.min(2, os.availableParallelism()))) },
    out: { type: 'string', default: path.join(repoRoot, 'bench', 'results', 'fuzz-latest.json') },
    worker: { type: 'boolean', default: false },
  },
});
const seed = Number(options.seed);
const from = Number(options.from ?? 0);
const to = Number(options.to ?? from + Number(options.inputs));

type Verdict = 'clean' | 'diagnostic' | FailureKind;

/** One line a worker prints per input. */
interface InputResult {
  index: number;
  file: string;
  verdict: Verdict;
  cpuMs: number;
  problem?: string;
}

/** Runs inputs [from, to) in this process, printing one JSON line each. */
async function work(): Promise<void> {
  const workspace = await HostileWorkspace.create();
  try {
    for (let index = from; index < to; index++) {
      const input = await seededInput(workspace, seed + index);
      const file = input.edits[0]!.file;
      const cpuBefore = process.cpuUsage();
      let verdict: Verdict;
      let problem: string | undefined;
      try {
        const outcome = await workspace.run(input, replayCommand(index));
        verdict = outcome.newDiagnostics.length > 0 || outcome.usageErrors.length > 0 ? 'diagnostic' : 'clean';
      } catch (error) {
        verdict = error instanceof HostileFailure ? error.kind : 'crash';
        problem = error instanceof Error ? (error.stack ?? error.message) : String(error);
      }
      const cpu = process.cpuUsage(cpuBefore);
      const result: InputResult = { index, file, verdict, cpuMs: Math.round((cpu.user + cpu.system) / 1000), ...(problem ? { problem } : {}) };
      process.stdout.write(`${JSON.stringify(result)}\n`);
    }
  } finally {
    await workspace.dispose();
  }
}

function replayCommand(index: number): string {
  return `npm run fuzz -- --seed ${seed} --from ${index} --to ${index + 1} --jobs 1`;
}

/** The file kind of a workspace path, for the summary (templates by their message's engine). */
async function fileKind(file: string, engines: Map<string, string>): Promise<string> {
  if (file === '../.env') return '.env';
  if (file === '../txkit.config.yaml') return 'txkit.config.yaml';
  const [folder, ...rest] = file.split('/');
  const name = rest.join('/');
  if (name === 'message.yaml') return 'message.yaml';
  if (name.startsWith('samples/')) return 'samples JSON';
  if (folder!.startsWith('_')) return 'MJML partial';
  if (!engines.has(folder!)) {
    const yaml = await readFile(path.join(repoRoot, 'templates', folder!, 'message.yaml'), 'utf8');
    engines.set(folder!, /^engine:\s*(\w+)/m.exec(yaml)?.[1] ?? 'liquid');
  }
  const engine = engines.get(folder!)!;
  if (name === 'sms.txt') return `sms.txt (${engine})`;
  if (name.endsWith('.mjml')) return `MJML (${engine})`;
  if (name.endsWith('.html')) return `HTML (${engine})`;
  return `text template (${engine})`;
}

/** Runs inputs [start, end) in a child process; resolves with its results, a dead child's input marked as a crash. */
function runChild(start: number, end: number, onResult: (result: InputResult) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--max-old-space-size=2048',
        '--import',
        'tsx',
        fileURLToPath(import.meta.url),
        '--worker',
        '--seed',
        String(seed),
        '--from',
        String(start),
        '--to',
        String(end),
      ],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let next = start;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4000)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const result = JSON.parse(line) as InputResult;
      next = result.index + 1;
      onResult(result);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (next >= end) return resolve();
      // The input being run took its process down: a crash; go on after it.
      onResult({
        index: next,
        file: '?',
        verdict: 'crash',
        cpuMs: 0,
        problem: `the process died (${signal ?? `exit ${code}`}) running this input:\n${stderr}`,
      });
      if (next + 1 >= end) return resolve();
      runChild(next + 1, end, onResult).then(resolve, reject);
    });
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const jobs = Math.max(1, Math.min(Number(options.jobs), to - from));
  const results: InputResult[] = [];
  const step = Math.ceil((to - from) / jobs);
  let done = 0;
  await Promise.all(
    Array.from({ length: jobs }, (_, job) =>
      runChild(from + job * step, Math.min(to, from + (job + 1) * step), (result) => {
        results.push(result);
        if (++done % 250 === 0 || result.problem)
          console.error(`fuzz: ${done}/${to - from}${result.problem ? ` — #${result.index} ${result.verdict}: ${result.problem.split('\n')[0]}` : ''}`);
      }),
    ),
  );
  results.sort((a, b) => a.index - b.index);
  const engines = new Map<string, string>();
  const byFileKind: Record<string, number> = {};
  for (const result of results) {
    const kind = result.file === '?' ? '?' : await fileKind(result.file, engines);
    byFileKind[kind] = (byFileKind[kind] ?? 0) + 1;
  }
  const count = (verdict: Verdict) => results.filter((result) => result.verdict === verdict).length;
  const failures = results.filter((result) => result.problem);
  const summary = {
    seed,
    from,
    to,
    inputs: results.length,
    crashes: count('crash'),
    hangs: count('hang'),
    silentPasses: count('silent'),
    otherFailures: count('invariant'),
    clean: count('clean'),
    withDiagnostics: count('diagnostic'),
    byFileKind,
    budget: { cpuMsPerInput: 10_000, memoryMbPerInput: 512 },
    maxCpuMs: Math.max(0, ...results.map((result) => result.cpuMs)),
    wallMs: Date.now() - started,
    date: new Date().toISOString(),
    failures: failures.map((result) => ({
      index: result.index,
      file: result.file,
      verdict: result.verdict,
      problem: result.problem!.slice(0, 2000),
      replay: replayCommand(result.index),
    })),
  };
  await mkdir(path.dirname(options.out), { recursive: true });
  await writeFile(options.out, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(
    `fuzz (seed ${seed}, inputs #${from}–#${to - 1}): ${summary.inputs} inputs, ${summary.crashes} crashes, ${summary.hangs} hangs, ${summary.silentPasses} silent passes, ${summary.otherFailures} other failures; ${summary.clean} clean, ${summary.withDiagnostics} with diagnostics; max ${summary.maxCpuMs} ms CPU per input → ${path.relative(process.cwd(), options.out)}`,
  );
  if (failures.length > 0) process.exitCode = 1;
}

await (options.worker ? work() : main());
