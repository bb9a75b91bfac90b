/**
 * Whole processes timed from the outside: wall time from spawn to exit (Node's own startup
 * included, as a user waits for it) and peak RSS, read by the bench/peak-rss.mjs preload.
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
  peakRssMiB: Spread;
  /** Exit codes seen (validate exits 1 when it finds problems). */
  exitCodes: number[];
}

const rssHook = pathToFileURL(path.join(repoRoot, 'bench', 'peak-rss.mjs')).href;
export const txkitBin = path.join(repoRoot, 'bin', 'txkit.js');

async function runOnce(entry: ProcessCase, rssFile: string): Promise<{ ms: number; rssMiB: number; code: number }> {
  const started = performance.now();
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [`--import=${rssHook}`, ...entry.args], {
      cwd: entry.cwd,
      env: { ...process.env, TXKIT_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) => (exitCode === 0 || exitCode === 1 ? resolve(exitCode) : reject(new Error(`${entry.name}: exit ${exitCode}\n${stderr.slice(0, 2000)}`))));
  });
  const ms = performance.now() - started;
  return { ms, rssMiB: Number(await readFile(rssFile, 'utf8')) / 1024, code };
}

/** Each case run `runs` times, the cases in turn within each run. */
export async function measureProcesses(cases: readonly ProcessCase[], runs = minimumRuns): Promise<ProcessResult[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'txkit-bench-rss-'));
  const results = cases.map(() => ({ ms: [] as number[], rss: [] as number[], codes: [] as number[] }));
  try {
    for (let run = 0; run < Math.max(runs, minimumRuns); run++) {
      for (const [index, entry] of cases.entries()) {
        await entry.before?.();
        const { ms, rssMiB, code } = await runOnce(entry, path.join(dir, `${index}.rss`));
        results[index]!.ms.push(ms);
        results[index]!.rss.push(rssMiB);
        results[index]!.codes.push(code);
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return cases.map((entry, index) => ({ name: entry.name, wallMs: spread(results[index]!.ms), peakRssMiB: spread(results[index]!.rss), exitCodes: [...new Set(results[index]!.codes)] }));
}
