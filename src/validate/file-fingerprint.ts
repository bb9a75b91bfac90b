import { statSync } from 'node:fs';
// Not the workspace's index: a second run answered from the cache loads no loader and no YAML.
import { readConfinedFile } from '../workspace/confined-file.js';
import { fileSizeLimits } from '../workspace/workspace-file.js';

/** Largest file validate reads as content: anything bigger is refused unread, so its size and date stand in for it. */
const largestContent = Math.max(...Object.values(fileSizeLimits));

/** What stands in the digest for a file validate does not read: its size and date. */
function unread(status: { size: number; mtimeMs: number }): string {
  return `unread: ${status.size} bytes, modified ${status.mtimeMs}`;
}

/** A secrets file inside the project: its size and date, never its bytes. */
function secretsFingerprint(real: string): string | undefined {
  try {
    const status = statSync(real);
    return status.isFile() ? unread(status) : 'not a regular file';
  } catch {
    return undefined;
  }
}

/**
 * What a file contributes to the result cache's digest: its bytes when validate would read them,
 * otherwise a description of why validate refuses it. The file is read as the loaders read it
 * (readConfinedFile): a link out of the project is not even looked at, and a secrets file, a
 * device, a pipe or an oversized file is never opened for its bytes.
 * `configuration`: the file is txkit.config.yaml, read for its settings although it may hold credentials.
 * `undefined` when the file does not exist (or cannot be read).
 */
export function fileFingerprint(file: string, realProjectRoot: string, { configuration = false } = {}): Buffer | string | undefined {
  const read = readConfinedFile(file, { root: realProjectRoot, maxBytes: largestContent, configuration });
  if (read.error) return undefined;
  if (!read.refusal) return read.bytes;
  const { refusal } = read;
  switch (refusal.reason) {
    case 'outside':
      return `a link out of the project to ${refusal.real}`;
    case 'secrets':
      return secretsFingerprint(refusal.real);
    case 'directory':
    case 'not-regular':
      return 'not a regular file';
    case 'too-large':
      return unread(refusal.status);
    case 'changed':
      return 'changed while it was read';
  }
}
