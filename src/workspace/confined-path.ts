import { readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';

export type ConfinedPath = { path: string; problem?: undefined } | { path?: undefined; problem: string };

/** `candidate` is `root` or inside it (by path; symlinks are not followed). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Whether `root` is known to be where it says, given that `file` (an existing file, lexically
 * inside `root`) really is `real`, as realpath found it: when resolving `file` changed nothing, no
 * folder on its path is a link, the root included. Saves resolving the root for every file read.
 */
export function rootIsUnlinked(root: string, file: string, real: string): boolean {
  return real === path.resolve(file) && isInside(path.resolve(root), real);
}

/**
 * Where `file` really is. A file that does not exist yet (about to be written) lands where its
 * folder really is, and a dangling symlink where it points: `txkit build` wrote through a
 * symlinked folder inside its output folder when missing files were taken at face value.
 */
function realpathOrSelf(file: string, hops = 0): string {
  try {
    // The native call is one realpath(3); the JavaScript one lstats every folder on the way.
    return realpathSync.native(file);
  } catch {
    const parent = path.dirname(file);
    if (parent === file || hops > 40) return file; // the root, or a symlink loop (the read or write fails on it)
    let target: string | undefined;
    try {
      target = readlinkSync(file);
    } catch {
      target = undefined; // not a symlink: simply missing
    }
    return target === undefined ? path.join(realpathOrSelf(parent, hops + 1), path.basename(file)) : realpathOrSelf(path.resolve(parent, target), hops + 1);
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
