/**
 * Timing for benchmarks. Every figure is a `Spread`: the median of at least 5 runs, with the
 * fastest and slowest. Operations compared are run in turn, run by run, so load from other
 * processes on the machine hits both alike and their ratio stays meaningful.
 *
 * In-process figures are CPU time (process.cpuUsage, user + system): on a machine shared with
 * other work, wall time mostly measures how long the scheduler kept this process waiting.
 */

export const minimumRuns = 5;

/** Median, min and max of repeated runs of one measurement. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, runs: [...values] };
}

/** `a / b` run by run (the runs were taken in turn), as a spread. */
export function ratioSpread(a: Spread, b: Spread): Spread {
  return spread(a.runs.map((value, index) => value / b.runs[index]!));
}

export interface MeasureOptions {
  /** Running time before measuring, for the JIT and caches. Default 300 ms. */
  warmupMs?: number;
  /** Batches timed, each one run of the spread (at least 5). Default 11. */
  batches?: number;
  /** Target duration of one batch. Default 40 ms. */
  batchMs?: number;
}

type Operation = () => unknown;

/** Milliseconds of CPU this process has used (every thread: JIT and GC helpers included). */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function runBatch(operation: Operation, iterations: number, isAsync: boolean): Promise<number> {
  const started = cpuMs();
  if (isAsync) for (let i = 0; i < iterations; i++) await operation();
  else for (let i = 0; i < iterations; i++) operation();
  return cpuMs() - started;
}

/** Runs `operation` for `warmupMs`; returns its rough cost and whether it answers with promises. */
async function warmUp(operation: Operation, warmupMs: number): Promise<{ estimateMs: number; isAsync: boolean }> {
  const isAsync = operation() instanceof Promise;
  const started = cpuMs();
  let count = 0;
  while (cpuMs() - started < warmupMs || count < 3) {
    const result = operation();
    if (isAsync) await result;
    count++;
  }
  return { estimateMs: (cpuMs() - started) / count, isAsync };
}

/** CPU milliseconds per call of each operation: one spread each, over batches taken in turn. */
export async function measureSideBySide(operations: readonly Operation[], options: MeasureOptions = {}): Promise<Spread[]> {
  const { warmupMs = 300, batches = 11, batchMs = 40 } = options;
  const prepared = [];
  for (const operation of operations) {
    const { estimateMs, isAsync } = await warmUp(operation, warmupMs);
    prepared.push({ operation, isAsync, iterations: Math.max(1, Math.round(batchMs / Math.max(estimateMs, 1e-6))), perCall: [] as number[] });
  }
  for (let batch = 0; batch < Math.max(batches, minimumRuns); batch++) {
    for (const entry of prepared) entry.perCall.push((await runBatch(entry.operation, entry.iterations, entry.isAsync)) / entry.iterations);
  }
  return prepared.map((entry) => spread(entry.perCall));
}

/** "1.23× (1.10–1.41)": a spread with the given unit and digits. */
export function formatSpread(value: Spread, digits = 2, unit = ''): string {
  return `${value.median.toFixed(digits)}${unit} (${value.min.toFixed(digits)}–${value.max.toFixed(digits)})`;
}
