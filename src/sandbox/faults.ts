import type { Platform, RouteKind } from './route-kind.js';

/**
 * Failures to inject. Each `...Every: N` hits the Nth, 2Nth, 3Nth... counted request; the count
 * starts at zero whenever the settings change, so a test knows exactly which request fails.
 */
export interface FaultSettings {
  /** Answer with 429 and Retry-After (SFMC body errorcode 50100). */
  rateLimitEvery?: number;
  /** Answer with 500. */
  serverErrorEvery?: number;
  /** Destroy the socket without answering, as a dropped connection looks to the client. */
  resetConnectionEvery?: number;
  /** Count only this platform's requests. Default both. */
  platform?: Platform;
  /** Count SFMC's token call too. Default false, so a client can always authenticate. */
  includeTokenRoute?: boolean;
}

export type Fault = 'connection-reset' | 'server-error' | 'rate-limit';

/** Decides, request by request, which fault (if any) applies. */
export class FaultInjector {
  #settings: FaultSettings = {};
  #counted = 0;

  set(settings: FaultSettings): void {
    for (const key of ['rateLimitEvery', 'serverErrorEvery', 'resetConnectionEvery'] as const) {
      const every = settings[key];
      if (every !== undefined && !(Number.isInteger(every) && every > 0)) {
        throw new RangeError(`${key} must be a positive integer, got ${every}`);
      }
    }
    this.#settings = { ...settings };
    this.#counted = 0;
  }

  /** Counts the request if the settings cover it; when several faults fall on it, the harshest wins. */
  next(platform: Platform, kind: RouteKind): Fault | undefined {
    const settings = this.#settings;
    if (settings.platform !== undefined && settings.platform !== platform) return undefined;
    if (kind === 'auth' && !settings.includeTokenRoute) return undefined;
    const n = ++this.#counted;
    const hits = (every: number | undefined) => every !== undefined && n % every === 0;
    if (hits(settings.resetConnectionEvery)) return 'connection-reset';
    if (hits(settings.serverErrorEvery)) return 'server-error';
    if (hits(settings.rateLimitEvery)) return 'rate-limit';
    return undefined;
  }
}
