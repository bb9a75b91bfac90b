/**
 * Whole processes timed from the outside: wall time from spawn to exit (Node's own startup
 * included, as a user waits for it), and the CPU time and peak RSS the process reports at exit
 * through the bench/process-usage.mjs preload. On a loaded machine compare CPU times: wall
 * time then mostly says how long the scheduler made the process wait.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './example-workspace.js';
import { minimumRuns, spread, type Spread } from './measure.js';

export interface ProcessCase {
  name: string;
  /** Arguments after `node` (a script and its arguments, or `-e 0`). */
  args: string[];
  cwd: string;
  /** Runs before each timed run, untimed (clearing a cache for a cold run). */
  before?: () => Promise<void>;
}

export interface ProcessResult {
  name: string;
  wallMs: Spread;
  /** User + system CPU time of the process (all its threads). */
  cpuMs: Spread;
  peakRssMiB: Spread;
  /** Exit codes seen (validate exits 1 when it finds problems). */
  exitCodes: number[];
}

const usageHook = pathToFileURL(path.join(repoRoot, 'bench', 'process-usage.mjs')).href;
export const txkitBin = path.join(repoRoot, 'bin', 'txkit.js');

async function runOnce(entry: ProcessCase, usageFile: string): Promise<{ ms: number; cpuMs: number; rssMiB: number; code: number }> {
  const started = performance.now();
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [`--import=${usageHook}`, ...entry.args], {
      cwd: entry.cwd,
      env: { ...process.env, TXKIT_BENCH_USAGE_FILE: usageFile, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) =>
      exitCode === 0 || exitCode === 1 ? resolve(exitCode) : reject(new Error(`${entry.name}: exit ${exitCode}\n${stderr.slice(0, 2000)}`)),
    );
  });
  const ms = performance.now() - started;
  const usage = JSON.parse(await readFile(usageFile, 'utf8')) as { maxRssKiB: number; cpuMicros: number };
  return { ms, cpuMs: usage.cpuMicros / 1000, rssMiB: usage.maxRssKiB / 1024, code };
}

/** Each case run `runs` times, the cases in turn within each run. */
export async function measureProcesses(cases: readonly ProcessCase[], runs = minimumRuns): Promise<ProcessResult[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'txkit-bench-usage-'));
  const results = cases.map(() => ({ ms: [] as number[], cpu: [] as number[], rss: [] as number[], codes: [] as number[] }));
  try {
    for (let run = 0; run < Math.max(runs, minimumRuns); run++) {
      for (const [index, entry] of cases.entries()) {
        await entry.before?.();
        const { ms, cpuMs, rssMiB, code } = await runOnce(entry, path.join(dir, `${index}.json`));
        results[index]!.ms.push(ms);
        results[index]!.cpu.push(cpuMs);
        results[index]!.rss.push(rssMiB);
        results[index]!.codes.push(code);
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return cases.map((entry, index) => ({
    name: entry.name,
    wallMs: spread(results[index]!.ms),
    cpuMs: spread(results[index]!.cpu),
    peakRssMiB: spread(results[index]!.rss),
    exitCodes: [...new Set(results[index]!.codes)],
  }));
}
