import { constants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { rootIsUnlinked } from './confined-path.js';
import { placeRefusal, statusRefusal, type FileRefusal } from './file-refusal.js';
import { decodeSource, type SourceFileResult } from './read-source-file.js';
import { workspaceFileSize } from './rules/workspace-file-size.js';
import { workspacePath } from './rules/workspace-path.js';
import { workspaceRead } from './rules/workspace-read.js';

/**
 * Largest file of each kind txkit reads, in bytes, checked before a byte is read. Real
 * transactional templates are tens of KB (Gmail clips an email at 102 KB) and samples a few KB;
 * these bounds are far above that and far below what ties up a pre-commit hook or the preview.
 */
export const fileSizeLimits = Object.freeze({
  /** message.yaml, txkit.config.yaml */
  settings: 256 * 1024,
  /** email and SMS bodies, text versions, mj-include partials */
  template: 1024 * 1024,
  /** samples/*.json */
  sample: 1024 * 1024,
});

export interface WorkspaceFileOptions {
  /** The file must really (symlinks resolved) be inside this folder. */
  root: string;
  maxBytes: number;
  /** ruleId of a file that is not UTF-8 or cannot be read. */
  ruleId?: string;
  /** Reading txkit.config.yaml as the configuration (not as content) is allowed. */
  configuration?: boolean;
}

function problem(file: string, ruleId: string, message: string, hint?: string): SourceFileResult {
  return { diagnostic: { ruleId, severity: 'error', message, file, line: 1, column: 1, ...(hint ? { hint } : {}) } };
}

function readProblem(file: string, ruleId: string, error: unknown): SourceFileResult {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return problem(file, ruleId, 'file not found');
  if (code === 'EISDIR') return problem(file, ruleId, 'expected a file, found a directory');
  if (code === 'ELOOP') return problem(file, ruleId, 'cannot read file: a loop of symbolic links');
  return problem(
    file,
    ruleId,
    `cannot read file (${code ?? 'unknown error'})`,
    code === 'EACCES' || code === 'EPERM' ? 'check the file permissions' : undefined,
  );
}

/** A refused file as the diagnostic its reader gets. */
function refusalProblem(file: string, refusal: FileRefusal, ruleId: string, maxBytes: number): SourceFileResult {
  switch (refusal.reason) {
    case 'outside':
      return problem(
        file,
        workspacePath.meta.id,
        'the file is a link to a place outside the workspace',
        'copy the file into the workspace instead of linking to it',
      );
    case 'secrets':
      return problem(
        file,
        workspacePath.meta.id,
        `${path.basename(refusal.real)} holds credentials and is never read as content`,
        'templates, partials and samples cannot be secrets files',
      );
    case 'directory':
      return problem(file, ruleId, 'expected a file, found a directory');
    case 'not-regular':
      return problem(file, workspacePath.meta.id, 'not a regular file (a device, pipe or socket)', 'templates and samples are ordinary files');
    case 'too-large':
      return tooLarge(file, refusal.bytes, maxBytes);
  }
}

/**
 * Reads a file of the workspace as UTF-8 text, refusing, before anything is read, a file that
 * really lives outside `root` (a symlink out), a secrets file, anything but a regular file (a
 * FIFO would block forever, /dev/zero never ends) and a file over `maxBytes` (file-refusal.ts).
 */
export async function readWorkspaceFile(file: string, options: WorkspaceFileOptions): Promise<SourceFileResult> {
  const ruleId = options.ruleId ?? workspaceRead.meta.id;
  const refused = (refusal: FileRefusal) => refusalProblem(file, refusal, ruleId, options.maxBytes);
  let real: string;
  try {
    real = await realpath(file);
  } catch (error) {
    return readProblem(file, ruleId, error);
  }
  const realRoot = rootIsUnlinked(options.root, file, real) ? path.resolve(options.root) : await realpath(options.root).catch(() => path.resolve(options.root));
  const misplaced = placeRefusal(file, real, realRoot, options.configuration);
  if (misplaced) return refused(misplaced);
  const info = await stat(real).catch((error: unknown) => error as NodeJS.ErrnoException);
  if (info instanceof Error) return readProblem(file, ruleId, info);
  const unreadable = statusRefusal(info, options.maxBytes);
  if (unreadable) return refused(unreadable);
  let handle;
  try {
    // O_NONBLOCK: should the file have been swapped for a FIFO since stat, opening it does not wait for a writer.
    handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK);
    const opened = await handle.stat();
    const swapped = statusRefusal(opened, options.maxBytes);
    if (swapped) return refused(swapped.reason === 'directory' ? { reason: 'not-regular' } : swapped);
    // Read at most one byte past the limit: a file that grows meanwhile is still bounded.
    const buffer = Buffer.alloc(opened.size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) return problem(file, ruleId, 'the file changed while it was read', 'run txkit again once the file is written');
    }
    return decodeSource(file, buffer.subarray(0, length), ruleId);
  } catch (error) {
    return readProblem(file, ruleId, error);
  } finally {
    await handle?.close();
  }
}

function tooLarge(file: string, bytes: number, maxBytes: number): SourceFileResult {
  const diagnostic: Diagnostic = {
    ruleId: workspaceFileSize.meta.id,
    severity: workspaceFileSize.meta.defaultSeverity,
    message: `file is ${bytes} bytes, over the ${maxBytes}-byte limit; it was not read`,
    file,
    line: 1,
    column: 1,
    hint: 'keep templates and samples small: real ones are a few KB',
  };
  return { diagnostic };
}
