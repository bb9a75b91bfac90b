import { realpathSync } from 'node:fs';
import path from 'node:path';

export type ConfinedPath = { path: string; problem?: undefined } | { path?: undefined; problem: string };

/** `candidate` is `root` or inside it (by path; symlinks are not followed). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function realpathOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file; // a missing file is reported by whoever reads it
  }
}

/**
 * Resolves `reference` (relative to `base`) and refuses anything that leaves `root`, by
 * absolute path, `../`, or a symlink pointing elsewhere. Templates, samples and mj-include
 * partials all go through here, so nothing outside the workspace is ever read.
 */
export function resolveInside(root: string, base: string, reference: string): ConfinedPath {
  if (path.isAbsolute(reference)) return { problem: `absolute paths are not allowed ("${reference}")` };
  const resolved = path.resolve(base, reference);
  const realRoot = realpathOrSelf(root);
  if (!isInside(root, resolved) || !isInside(realRoot, realpathOrSelf(resolved))) {
    return { problem: `"${reference}" resolves outside the workspace` };
  }
  return { path: resolved };
}
