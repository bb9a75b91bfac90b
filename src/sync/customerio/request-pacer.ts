import { setTimeout as sleep } from 'node:timers/promises';

export interface PacerOptions {
  /** Requests that may reach the server within one window. */
  limit: number;
  windowMs: number;
}

/** Customer.io allows 10 App API requests per second; the window is 10% longer, as a margin for the server's clock. */
export const appApiPace: PacerOptions = Object.freeze({ limit: 10, windowMs: 1100 });

/**
 * Lets at most `limit` tasks count against any window of `windowMs`, in call order. A request
 * reaches the server somewhere between its start and its answer, so a task counts from its
 * start until `windowMs` after it ended: however late a busy machine or network delivers it,
 * the server never sees more than `limit` in its window. Client-side pacing keeps a large push
 * under the platform's rate limit instead of leaning on 429 retries.
 */
export function createRequestPacer(options: PacerOptions) {
  const ends: number[] = [];
  let inFlight = 0;
  let taskEnded: (() => void) | undefined;
  let queue: Promise<void> = Promise.resolve();

  async function waitForSlot(): Promise<void> {
    for (;;) {
      const now = Date.now();
      while (ends.length > 0 && now - ends[0]! >= options.windowMs) ends.shift();
      if (inFlight + ends.length < options.limit) {
        inFlight++;
        return;
      }
      const ended = new Promise<void>((resolve) => (taskEnded = resolve));
      await (ends.length > 0 ? Promise.race([ended, sleep(ends[0]! + options.windowMs - now)]) : ended);
    }
  }

  function end(): void {
    inFlight--;
    ends.push(Date.now());
    taskEnded?.();
  }

  return function pace<T>(task: () => Promise<T>): Promise<T> {
    const slot = queue.then(waitForSlot);
    queue = slot;
    return slot.then(() => task().finally(end));
  };
}
