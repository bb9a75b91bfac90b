/** A mistake in how txkit was called or where it runs: printed without a stack, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** 0 clean, 1 problems found, 2 usage or environment, 70 a bug in txkit (sysexits' EX_SOFTWARE). */
export const ExitCode = {
  ok: 0,
  problems: 1,
  usage: 2,
  internal: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Operating-system refusals that describe the machine or the arguments, not txkit. */
const environmentCodes: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'is a folder',
  ENOENT: 'no such file or folder',
  EEXIST: 'already exists',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'name too long',
  EMFILE: 'too many open files',
};

/**
 * A file-system error raised where txkit touches the machine (an output folder on a read-only
 * disk, a workspace path that is a file) as a one-line usage error; undefined for anything else.
 */
export function environmentError(error: unknown): UsageError | undefined {
  const { code, syscall, path } = (error ?? {}) as NodeJS.ErrnoException;
  const reason = code === undefined ? undefined : environmentCodes[code];
  if (reason === undefined || syscall === undefined) return undefined;
  return new UsageError(`cannot ${syscall}${path ? ` ${path}` : ''}: ${reason} (${code})`);
}
