/**
 * Timing for benchmarks: warm up, size batches so each takes ~batchMs, time many batches,
 * report the median time per operation. Two operations compared are measured batch by batch
 * in turn, so load from other processes on the machine hits both alike.
 */

export interface MeasureOptions {
  /** Running time before measuring, for the JIT and caches. Default 300 ms. */
  warmupMs?: number;
  /** Batches timed; the median is reported. Default 15. */
  batches?: number;
  /** Target duration of one batch. Default 40 ms. */
  batchMs?: number;
}

export interface Timing {
  /** Median over the batches of (batch time / operations in the batch). */
  medianMs: number;
  iterationsPerBatch: number;
  batches: number;
}

type Operation = () => unknown;

async function runBatch(operation: Operation, iterations: number, isAsync: boolean): Promise<number> {
  const started = performance.now();
  if (isAsync) for (let i = 0; i < iterations; i++) await operation();
  else for (let i = 0; i < iterations; i++) operation();
  return performance.now() - started;
}

/** Runs `operation` for `warmupMs`; returns its rough cost and whether it answers with promises. */
async function warmUp(operation: Operation, warmupMs: number): Promise<{ estimateMs: number; isAsync: boolean }> {
  const isAsync = operation() instanceof Promise;
  const started = performance.now();
  let count = 0;
  while (performance.now() - started < warmupMs || count < 3) {
    const result = operation();
    if (isAsync) await result;
    count++;
  }
  return { estimateMs: (performance.now() - started) / count, isAsync };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median time per call of each operation, measured in alternating batches. */
export async function measureSideBySide(operations: readonly Operation[], options: MeasureOptions = {}): Promise<Timing[]> {
  const { warmupMs = 300, batches = 15, batchMs = 40 } = options;
  const prepared = [];
  for (const operation of operations) {
    const { estimateMs, isAsync } = await warmUp(operation, warmupMs);
    prepared.push({ operation, isAsync, iterations: Math.max(1, Math.round(batchMs / Math.max(estimateMs, 1e-6))), perCall: [] as number[] });
  }
  for (let batch = 0; batch < batches; batch++) {
    for (const entry of prepared) entry.perCall.push((await runBatch(entry.operation, entry.iterations, entry.isAsync)) / entry.iterations);
  }
  return prepared.map((entry) => ({ medianMs: median(entry.perCall), iterationsPerBatch: entry.iterations, batches }));
}

export async function measure(operation: Operation, options: MeasureOptions = {}): Promise<Timing> {
  return (await measureSideBySide([operation], options))[0]!;
}

/** Wall time of one run of `work`, for operations too long to repeat (a whole workspace). */
export async function timeOnce<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}
