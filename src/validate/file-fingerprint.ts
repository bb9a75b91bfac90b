import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { fileSizeLimits, placeRefusal, statusRefusal, type FileRefusal } from '../workspace/index.js';

/** Largest file validate reads as content: anything bigger is refused unread, so its size and date stand in for it. */
const largestContent = Math.max(...Object.values(fileSizeLimits));

/** What stands in the digest for a file whose bytes are not read. */
function describeRefusal(refusal: FileRefusal, info: Stats): string {
  return refusal.reason === 'directory' || refusal.reason === 'not-regular' ? 'not a regular file' : `unread: ${info.size} bytes, modified ${info.mtimeMs}`;
}

/**
 * What a file contributes to the result cache's digest: its bytes when validate would read them,
 * otherwise a description of why validate refuses it, judged as the loaders judge it
 * (workspace/file-refusal.ts). A link out of the project is not even looked at; a secrets file,
 * a device, a pipe or an oversized file is never opened for its bytes: /dev/zero never ends and
 * a synchronous read of a FIFO blocks the process.
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
  const misplaced = placeRefusal(file, real, realProjectRoot, configuration);
  if (misplaced?.reason === 'outside') return `a link out of the project to ${real}`;
  let fd: number | undefined;
  try {
    const info = statSync(real);
    const refusal = statusRefusal(info, largestContent) ?? misplaced;
    if (refusal) return describeRefusal(refusal, info);
    // O_NONBLOCK and fstat: a file swapped for a FIFO since stat neither blocks nor gets read.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
    const opened = fstatSync(fd);
    const swapped = statusRefusal(opened, largestContent);
    if (swapped) return describeRefusal(swapped, opened);
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
