import path from 'node:path';
import { isInside } from './confined-path.js';

/**
 * Why txkit does not read a file's bytes. One judgement for everything that reads workspace
 * files: the loaders (readWorkspaceFile) and the result cache's digest (fileFingerprint), so a
 * file refused as content is never read to be hashed either.
 */
export type FileRefusal =
  /** The file really (symlinks resolved) lives outside the root. */
  | { reason: 'outside'; real: string }
  /** `.env`, `.env.*` or txkit.config.yaml read as content. */
  | { reason: 'secrets'; real: string }
  | { reason: 'directory' }
  /** A device, a pipe or a socket: /dev/zero never ends, a FIFO blocks its reader. */
  | { reason: 'not-regular' }
  | { reason: 'too-large'; bytes: number };

/**
 * Files that hold credentials (`.env`, `.env.local`, …) or may (txkit.config.yaml): never read as
 * a template, partial or sample, even when the workspace is the project folder itself.
 */
export function isSecretsFile(file: string): boolean {
  const name = path.basename(file).toLowerCase();
  return name === '.env' || name.startsWith('.env.') || name === 'txkit.config.yaml';
}

/**
 * The refusal decided by where `file` really is (`real`), before anything about it is asked of
 * the file system: outside `realRoot`, or a secrets file (`configuration`: txkit.config.yaml is
 * being read as the configuration, which is allowed).
 */
export function placeRefusal(file: string, real: string, realRoot: string, configuration = false): FileRefusal | undefined {
  if (!isInside(realRoot, real)) return { reason: 'outside', real };
  if (!configuration && (isSecretsFile(file) || isSecretsFile(real))) return { reason: 'secrets', real };
  return undefined;
}

/** The refusal decided by the file's status: checked before opening it (stat) and again once open (fstat), as it may have been swapped. */
export function statusRefusal(info: { isFile(): boolean; isDirectory(): boolean; size: number }, maxBytes: number): FileRefusal | undefined {
  if (info.isDirectory()) return { reason: 'directory' };
  if (!info.isFile()) return { reason: 'not-regular' };
  if (info.size > maxBytes) return { reason: 'too-large', bytes: info.size };
  return undefined;
}
