import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { fileSizeLimits, isInside, isSecretsFile } from '../workspace/index.js';

/** Largest file validate reads as content: anything bigger is refused unread, so its size and date stand in for it. */
const largestContent = Math.max(...Object.values(fileSizeLimits));

/**
 * What a file contributes to the result cache's digest: its bytes when validate would read them,
 * otherwise a description of why validate refuses it. A link out of the project, a secrets file,
 * a device, a pipe or an oversized file is never opened for its bytes: /dev/zero never ends, a
 * synchronous read of a FIFO blocks the process, and files outside the project are never read.
 * `configuration`: the file is txkit.config.yaml, read for its settings although it may hold credentials.
 * `undefined` when the file does not exist.
 */
export function fileFingerprint(file: string, realProjectRoot: string, { configuration = false } = {}): Buffer | string | undefined {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return undefined;
  }
  if (!isInside(realProjectRoot, real)) return `a link out of the project to ${real}`;
  let fd: number | undefined;
  try {
    const info = statSync(real);
    if (!info.isFile()) return 'not a regular file';
    if ((!configuration && (isSecretsFile(file) || isSecretsFile(real))) || info.size > largestContent)
      return `unread: ${info.size} bytes, modified ${info.mtimeMs}`;
    // O_NONBLOCK and fstat: a file swapped for a FIFO since stat neither blocks nor gets read.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
    const opened = fstatSync(fd);
    if (!opened.isFile()) return 'not a regular file';
    if (opened.size > largestContent) return `unread: ${opened.size} bytes, modified ${opened.mtimeMs}`;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
