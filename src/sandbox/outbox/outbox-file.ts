import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isRecord } from '../json-values.js';
import type { OutboxEntry } from './outbox-entry.js';

/** The outbox file's format, so a later txkit can tell an older file from a corrupt one. */
const FORMAT = 'txkit-sandbox-outbox@1';

export interface OutboxFileRead {
  entries: OutboxEntry[];
  /** Set when the file existed but could not be used: the outbox then starts empty. */
  warning?: string;
}

/** The entries saved in `file`, newest first; none when it does not exist. Never throws. */
export async function readOutboxFile(file: string): Promise<OutboxFileRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { entries: [] } : { entries: [], warning: `cannot read the outbox ${file} (${code ?? 'error'}): starting with an empty outbox` };
  }
  try {
    const saved: unknown = JSON.parse(text);
    if (isRecord(saved) && saved.format === FORMAT && Array.isArray(saved.entries) && saved.entries.every(isEntry)) {
      return { entries: saved.entries };
    }
  } catch {
    // reported below, like any other unusable content
  }
  return {
    entries: [],
    warning: `the outbox ${file} is not a txkit outbox file (corrupt or from another version): starting with an empty outbox; it is replaced at the next send`,
  };
}

/** Enough of the shape to show and serve an entry; the rest is the sandbox's own writing. */
function isEntry(value: unknown): value is OutboxEntry {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.receivedAt === 'number' &&
    (value.channel === 'email' || value.channel === 'sms') &&
    isRecord(value.outcome) &&
    Array.isArray(value.diagnostics)
  );
}

/**
 * Replaces `file` with the entries: written to a temporary file beside it, then renamed over it,
 * so a crash mid-write leaves the previous outbox whole, never half a file.
 */
export async function writeOutboxFile(file: string, entries: readonly OutboxEntry[]): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, JSON.stringify({ format: FORMAT, entries }), { mode: 0o600 });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export async function removeOutboxFile(file: string): Promise<void> {
  await rm(file, { force: true });
}
