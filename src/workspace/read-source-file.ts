import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/index.js';
import { positionAt } from '../diagnostics/index.js';

export type SourceFileResult = { text: string; diagnostic?: undefined } | { text?: undefined; diagnostic: Diagnostic };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/**
 * Reads a workspace file as UTF-8 text. A byte-order mark is dropped (editors on Windows add
 * one); bytes that are not UTF-8 are a diagnostic at the first bad character.
 */
export async function readSourceFile(file: string, ruleId = 'workspace/read'): Promise<SourceFileResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'expected a file, found a directory' : `cannot read file (${code ?? 'unknown error'})`;
    return { diagnostic: { ruleId, severity: 'error', message, file, line: 1, column: 1 } };
  }
  return decodeSource(file, bytes, ruleId);
}

export function decodeSource(file: string, bytes: Uint8Array, ruleId = 'workspace/read'): SourceFileResult {
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
