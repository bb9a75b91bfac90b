import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MjmlDeadlineError, mjmlOptions, type MjmlRunner, type MjmlRunResult } from './mjml-runner.js';

export interface MjmlWorkerOptions {
  /** A compile still running after this long is stopped (the worker is terminated) and reported as over the limit. */
  deadlineMs: number;
}

export interface MjmlWorker {
  /** Compiles `mjml`, stopped after `deadlineMs` (default: the worker's). */
  run: (mjml: string, deadlineMs?: number) => ReturnType<MjmlRunner>;
  /** Stops the worker; compiles still queued fail. */
  close(): Promise<void>;
}

type WorkerAnswer = { id: number } & ({ started: true } | { result: MjmlRunResult } | { failure: string });

interface Job {
  id: number;
  mjml: string;
  deadlineMs: number;
  resolve: (result: MjmlRunResult) => void;
  reject: (error: Error) => void;
}

// Evaluated rather than loaded from a file, so the same code runs from dist/ and from the TypeScript sources under test.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const loaded = import(workerData.mjml);
parentPort.on('message', async ({ id, mjml }) => {
  try {
    const { default: mjml2html } = await loaded;
    parentPort.postMessage({ id, started: true });
    const compiled = await mjml2html(mjml, workerData.options);
    const errors = compiled.errors.map(({ line, message, tagName }) => ({ line, message, tagName }));
    parentPort.postMessage({ id, result: { html: compiled.html, errors } });
  } catch (error) {
    parentPort.postMessage({ id, failure: error instanceof Error ? error.message : String(error) });
  }
});
`;

const mjmlUrl = pathToFileURL(createRequire(import.meta.url).resolve('mjml')).href;

/**
 * mjml in a worker thread, one compile at a time. mjml is synchronous and a body at the size
 * limit takes seconds: off the main thread the preview keeps answering, and a compile that
 * overruns its deadline is cancelled by terminating the worker (a new one takes the next job).
 */
export function createMjmlWorker(options: MjmlWorkerOptions): MjmlWorker {
  const queue: Job[] = [];
  let worker: Worker | undefined;
  let running: { job: Job; timer?: NodeJS.Timeout } | undefined;
  let nextId = 0;
  let closed = false;

  function spawn(): Worker {
    const spawned = new Worker(workerSource, { eval: true, workerData: { mjml: mjmlUrl, options: mjmlOptions } });
    // An idle worker must not keep `txkit dev` (or a test) alive.
    spawned.unref();
    spawned.on('message', (answer: WorkerAnswer) => {
      if (!running || running.job.id !== answer.id) return;
      if ('started' in answer) {
        // The deadline counts mjml's work, not loading it into a fresh worker.
        const { deadlineMs } = running.job;
        running.timer = setTimeout(() => {
          worker = undefined;
          abandon(new MjmlDeadlineError(deadlineMs));
          void spawned.terminate();
        }, deadlineMs);
        return;
      }
      const { job, timer } = running;
      clearTimeout(timer);
      running = undefined;
      if ('result' in answer) job.resolve(answer.result);
      else job.reject(new Error(answer.failure));
      next();
    });
    // A worker replaced after a deadline ends later: only the current one's end concerns the running job.
    const ended = (error: Error) => {
      if (worker !== spawned) return;
      worker = undefined;
      abandon(error);
    };
    spawned.on('error', ended);
    spawned.on('exit', () => ended(new Error('the mjml worker stopped')));
    return spawned;
  }

  /** The running job fails with `error`; the queue goes on in a fresh worker. */
  function abandon(error: Error): void {
    if (!running) return;
    const { job, timer } = running;
    clearTimeout(timer);
    running = undefined;
    job.reject(error);
    next();
  }

  function next(): void {
    if (running || closed) return;
    const job = queue.shift();
    if (!job) return;
    worker ??= spawn();
    running = { job };
    worker.postMessage({ id: job.id, mjml: job.mjml });
  }

  return {
    run: (mjml, deadlineMs = options.deadlineMs) =>
      new Promise<MjmlRunResult>((resolve, reject) => {
        if (closed) return reject(new Error('the mjml worker is closed'));
        queue.push({ id: nextId++, mjml, deadlineMs, resolve, reject });
        next();
      }),
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the mjml worker is closed'));
      abandon(new Error('the mjml worker is closed'));
      await worker?.terminate();
      worker = undefined;
    },
  };
}
