import type { Diagnostic } from '../diagnostics/index.js';
import { positionAt } from '../diagnostics/index.js';
import { workspaceRead } from './rules/workspace-read.js';

export type SourceFileResult = { text: string; diagnostic?: undefined } | { text?: undefined; diagnostic: Diagnostic };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Workspace bytes as UTF-8 text; bytes that are not UTF-8 are a diagnostic at the first bad character. */
export function decodeSource(file: string, bytes: Uint8Array, ruleId = workspaceRead.meta.id): SourceFileResult {
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const text = lenientUtf8.decode(bytes);
    const { line, column } = positionAt(text, Math.max(0, text.indexOf('\uFFFD')));
    return {
      diagnostic: {
        ruleId,
        severity: 'error',
        message: 'file is not valid UTF-8',
        file,
        line,
        column,
        hint: 're-save the file with UTF-8 encoding',
      },
    };
  }
}
