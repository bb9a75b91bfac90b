import type { Diagnostic, Severity } from '../diagnostics/index.js';

/** A diagnostic as a per-file result lists it: the file is the result's. */
export type FileMessage = Omit<Diagnostic, 'file'>;

/** The problems of one file, in the shape of ESLint's per-file results. */
export interface FileResult {
  /** Absolute path. */
  filePath: string;
  /** Sorted by position. */
  messages: FileMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

export interface SeverityCounts {
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

export function countSeverities(diagnostics: readonly { severity: Severity }[]): SeverityCounts {
  const count = (severity: Severity) => diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
  return { errorCount: count('error'), warningCount: count('warning'), infoCount: count('info') };
}

function byPosition(a: FileMessage, b: FileMessage): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}

/** Diagnostics grouped by file (files in path order), each file's sorted by position. */
export function resultsByFile(diagnostics: readonly Diagnostic[]): FileResult[] {
  const byFile = new Map<string, FileMessage[]>();
  for (const { file, ...message } of diagnostics) {
    const messages = byFile.get(file) ?? [];
    messages.push(message);
    byFile.set(file, messages);
  }
  return [...byFile.keys()].sort().map((filePath) => {
    const messages = byFile.get(filePath)!.sort(byPosition);
    return { filePath, messages, ...countSeverities(messages) };
  });
}
