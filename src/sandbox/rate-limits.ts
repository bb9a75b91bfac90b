import type { RateLimitBucket } from './router.js';

/** Per-bucket allowance over a sliding one-second window; refused requests use none of it. */
export class RateLimiter {
  readonly #limits: Record<RateLimitBucket, number>;
  readonly #recent = new Map<RateLimitBucket, number[]>();

  constructor(limits: Record<RateLimitBucket, number>) {
    this.#limits = limits;
  }

  allow(bucket: RateLimitBucket, now: number): boolean {
    const recent = (this.#recent.get(bucket) ?? []).filter((at) => now - at < 1000);
    const allowed = recent.length < this.#limits[bucket];
    if (allowed) recent.push(now);
    this.#recent.set(bucket, recent);
    return allowed;
  }
}
