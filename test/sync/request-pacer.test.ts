import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createRequestPacer } from '../../src/sync/customerio/request-pacer.js';

/** The most timestamps found in any span of `windowMs` (what a sliding-window rate limiter counts). */
function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let busiest = 0;
  for (let first = 0, last = 0; last < sorted.length; last++) {
    while (sorted[last]! - sorted[first]! >= windowMs) first++;
    busiest = Math.max(busiest, last - first + 1);
  }
  return busiest;
}

describe('the Customer.io request pacer', () => {
  it('keeps every window under the limit as the server counts it, even when requests arrive late', async () => {
    const limit = 3;
    const windowMs = 150;
    const pace = createRequestPacer({ limit, windowMs });
    const arrivals: number[] = [];
    // Odd requests reach the "server" 200 ms after they start (a busy machine, a slow network): a pacer that
    // counted starts only would let the next batch in while these are still on their way.
    const requests = Array.from({ length: 12 }, (_, index) =>
      pace(async () => {
        if (index % 2 === 0) await sleep(200);
        arrivals.push(Date.now());
        await sleep(5);
      }),
    );
    await Promise.all(requests);
    expect(arrivals).toHaveLength(12);
    expect(busiestWindow(arrivals, windowMs)).toBeLessThanOrEqual(limit);
  });

  it('starts tasks in call order', async () => {
    const pace = createRequestPacer({ limit: 2, windowMs: 20 });
    const started: number[] = [];
    await Promise.all(Array.from({ length: 6 }, (_, index) => pace(async () => started.push(index))));
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
