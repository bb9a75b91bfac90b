import path from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { readConfinedFile, type ConfinedFileOptions, type FileRefusal } from './confined-file.js';
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

export interface WorkspaceFileOptions extends ConfinedFileOptions {
  /** ruleId of a file that is not UTF-8 or cannot be read. */
  ruleId?: string;
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
      return tooLarge(file, refusal.status.size, maxBytes);
    case 'changed':
      return problem(file, ruleId, 'the file changed while it was read', 'run txkit again once the file is written');
  }
}

/**
 * Reads a file of the workspace as UTF-8 text, refusing, before anything is read, a file that
 * really lives outside `root` (a symlink out), a secrets file, anything but a regular file (a
 * FIFO would block forever, /dev/zero never ends) and a file over `maxBytes` (confined-file.ts).
 */
export async function readWorkspaceFile(file: string, options: WorkspaceFileOptions): Promise<SourceFileResult> {
  const ruleId = options.ruleId ?? workspaceRead.meta.id;
  const read = readConfinedFile(file, options);
  if (read.error) return readProblem(file, ruleId, read.error);
  if (read.refusal) return refusalProblem(file, read.refusal, ruleId, options.maxBytes);
  return decodeSource(file, read.bytes, ruleId);
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
