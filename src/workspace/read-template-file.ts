import path from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { resolveInside } from './confined-path.js';
import { workspaceMissingFile } from './rules/workspace-missing-file.js';
import { workspacePath } from './rules/workspace-path.js';
import { fileTemplateSource, type TemplateSource } from './template-source.js';
import { fileSizeLimits, readWorkspaceFile } from './workspace-file.js';
import type { LocatedDocument, PathSegment } from './yaml-document.js';

interface TemplateFileResult {
  source?: TemplateSource;
  diagnostics: Diagnostic[];
}

/** Reads a template file named in message.yaml (`at` is where), confined to the workspace. */
export async function readTemplateFile(
  workspaceRoot: string,
  message: { dir: string; document: LocatedDocument },
  reference: string,
  at: PathSegment[],
): Promise<TemplateFileResult> {
  const confined = resolveInside(workspaceRoot, message.dir, reference);
  const position = message.document.locate(at);
  if (confined.problem !== undefined) {
    return {
      diagnostics: [
        {
          ruleId: workspacePath.meta.id,
          severity: workspacePath.meta.defaultSeverity,
          message: confined.problem,
          file: message.document.file,
          ...position,
          hint: 'template files live in the message folder or the workspace',
        },
      ],
    };
  }
  const read = await readWorkspaceFile(confined.path, { root: workspaceRoot, maxBytes: fileSizeLimits.template });
  if (read.diagnostic) {
    const missing = read.diagnostic.message === 'file not found';
    return {
      diagnostics: [
        missing
          ? {
              ruleId: workspaceMissingFile.meta.id,
              severity: workspaceMissingFile.meta.defaultSeverity,
              message: `${at.join('.')}: "${reference}" not found`,
              file: message.document.file,
              ...position,
              hint: `create ${path.relative(workspaceRoot, confined.path)} in the workspace or fix the file name`,
            }
          : // A refused file is reported where message.yaml names it; a broken one at its own bad line.
            read.diagnostic.ruleId === workspacePath.meta.id
            ? { ...read.diagnostic, message: `${at.join('.')}: "${reference}": ${read.diagnostic.message}`, file: message.document.file, ...position }
            : read.diagnostic,
      ],
    };
  }
  return { source: fileTemplateSource(confined.path, read.text.replace(/^\uFEFF/, '')), diagnostics: [] };
}

/**
 * A text message (SMS, WhatsApp) is sent as written: Windows line endings and the editor's final
 * newline are not part of it. Dropping \r before \n keeps every line and column where it was.
 */
export function sentAsWritten(source: TemplateSource): TemplateSource {
  return fileTemplateSource(source.file, source.text.replace(/\r\n/g, '\n').replace(/\n+$/, ''));
}
