import { setTimeout as sleep } from 'node:timers/promises';

export interface PacerOptions {
  /** Requests that may start within one window. */
  limit: number;
  windowMs: number;
}

/**
 * Customer.io allows 10 App API requests per second. The window is 10% longer than a second so
 * requests that start together but arrive spread out (network jitter) still fit the server's.
 */
export const appApiPace: PacerOptions = Object.freeze({ limit: 10, windowMs: 1100 });

/**
 * Starts at most `limit` tasks in any sliding window of `windowMs`, in call order. Client-side
 * pacing keeps a large push under the platform's rate limit instead of leaning on 429 retries.
 */
export function createRequestPacer(options: PacerOptions) {
  const starts: number[] = [];
  let queue: Promise<void> = Promise.resolve();

  async function waitForSlot(): Promise<void> {
    for (;;) {
      const now = Date.now();
      while (starts.length > 0 && now - starts[0]! >= options.windowMs) starts.shift();
      if (starts.length < options.limit) {
        starts.push(now);
        return;
      }
      await sleep(starts[0]! + options.windowMs - now);
    }
  }

  return function pace<T>(task: () => Promise<T>): Promise<T> {
    const slot = queue.then(waitForSlot);
    queue = slot;
    return slot.then(task);
  };
}
