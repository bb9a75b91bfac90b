import { customerioTarget } from './customerio/index.js';
import type { Platform } from './plan.js';
import { sfmcTarget } from './sfmc/sfmc-target.js';
import type { SyncTarget } from './sync-target.js';

/** The platforms txkit publishes to, by the name `--target` takes. Add a target with one entry. */
const targets: ReadonlyMap<Platform, SyncTarget> = new Map<Platform, SyncTarget>([
  ['sfmc', sfmcTarget],
  ['customerio', customerioTarget],
]);

/** Names `--target` accepts, in registration order. */
export function syncTargetNames(): Platform[] {
  return [...targets.keys()];
}

export function syncTargetFor(name: string): SyncTarget | undefined {
  return targets.get(name as Platform);
}
