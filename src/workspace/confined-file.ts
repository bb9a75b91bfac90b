import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { isInside, rootIsUnlinked } from './confined-path.js';

/**
 * Reading a file of the workspace, and why a file is not read: one judgement for everything that
 * reads workspace files, the loaders (readWorkspaceFile) and the result cache's digest
 * (fileFingerprint), so a file refused as content is never read to be hashed either.
 */
export type FileRefusal =
  /** The file really (symlinks resolved) lives outside the root. */
  | { reason: 'outside'; real: string }
  /** `.env`, `.env.*` or txkit.config.yaml read as content. */
  | { reason: 'secrets'; real: string }
  | { reason: 'directory' }
  /** A device, a pipe or a socket: /dev/zero never ends, a FIFO blocks its reader. */
  | { reason: 'not-regular' }
  | { reason: 'too-large'; status: Stats }
  /** It grew while it was read. */
  | { reason: 'changed' };

/**
 * Files that hold credentials (`.env`, `.env.local`, …) or may (txkit.config.yaml): never read as
 * a template, partial or sample, even when the workspace is the project folder itself.
 */
export function isSecretsFile(file: string): boolean {
  const name = path.basename(file).toLowerCase();
  return name === '.env' || name.startsWith('.env.') || name === 'txkit.config.yaml';
}

/** The refusal decided by the file's status: checked before opening it (stat) and again once open (fstat), as it may have been swapped. */
function statusRefusal(status: Stats, maxBytes: number): FileRefusal | undefined {
  if (status.isDirectory()) return { reason: 'directory' };
  if (!status.isFile()) return { reason: 'not-regular' };
  if (status.size > maxBytes) return { reason: 'too-large', status };
  return undefined;
}

export interface ConfinedFileOptions {
  /** The file must really (symlinks resolved) be inside this folder. */
  root: string;
  maxBytes: number;
  /** Reading txkit.config.yaml as the configuration (not as content) is allowed. */
  configuration?: boolean;
}

/** A file's bytes, or why they were not read: a refusal, or the file system's error (a missing file, a loop of links). */
export type ConfinedRead =
  { bytes: Buffer; refusal?: undefined; error?: undefined } | { refusal: FileRefusal; error?: undefined } | { error: NodeJS.ErrnoException };

/**
 * Reads `file`, refusing, before anything is read, a file that really lives outside `root` (a
 * symlink out), a secrets file, anything but a regular file (a FIFO would block forever,
 * /dev/zero never ends) and a file over `maxBytes`. Synchronous: workspace files are small and
 * read by the hundred, and a promise per step cost several times the CPU of the work.
 */
export function readConfinedFile(file: string, options: ConfinedFileOptions): ConfinedRead {
  let fd: number | undefined;
  try {
    const real = realpathSync.native(file);
    const realRoot = rootIsUnlinked(options.root, file, real) ? path.resolve(options.root) : realRootOf(options.root);
    if (!isInside(realRoot, real)) return { refusal: { reason: 'outside', real } };
    if (!options.configuration && (isSecretsFile(file) || isSecretsFile(real))) return { refusal: { reason: 'secrets', real } };
    const before = statusRefusal(statSync(real), options.maxBytes);
    if (before) return { refusal: before };
    // O_NONBLOCK: should the file have been swapped for a FIFO since stat, opening it does not wait for a writer.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
    const opened = fstatSync(fd);
    const swapped = statusRefusal(opened, options.maxBytes);
    if (swapped) return { refusal: swapped.reason === 'directory' ? { reason: 'not-regular' } : swapped };
    // Read at most one byte past the limit: a file that grows meanwhile is still bounded.
    const buffer = Buffer.alloc(opened.size + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, length);
      if (read === 0) return { bytes: buffer.subarray(0, length) };
      length += read;
      if (length === buffer.length) return { refusal: { reason: 'changed' } };
    }
  } catch (error) {
    return { error: error as NodeJS.ErrnoException };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function realRootOf(root: string): string {
  try {
    return realpathSync.native(root);
  } catch {
    return path.resolve(root);
  }
}
