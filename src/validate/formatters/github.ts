import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/index.js';
import { resultsByFile } from '../results.js';
import type { FormatOptions } from './format-options.js';

/** Escaping of a workflow command's message (actions/toolkit `escapeData`). */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escaping of a workflow command's property value (actions/toolkit `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

const command = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * GitHub Actions workflow commands, one line per problem, which the runner turns into
 * annotations on the pull request's diff:
 * `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE`.
 * Paths are relative to the working directory (the repository root in a workflow), with `/`.
 */
export function formatGithub(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  return resultsByFile(diagnostics)
    .flatMap((result) => {
      const file = path.relative(options.cwd, result.filePath).split(path.sep).join('/') || result.filePath;
      return result.messages.map((message) => {
        const properties: [string, string | number | undefined][] = [
          ['file', file],
          ['line', message.line],
          ['col', message.column],
          ['endLine', message.endLine],
          ['endColumn', message.endColumn],
          ['title', message.ruleId],
        ];
        const written = properties.filter(([, value]) => value !== undefined).map(([name, value]) => `${name}=${escapeProperty(String(value))}`);
        const text = message.hint ? `${message.message}\n${message.hint}` : message.message;
        return `::${command[message.severity]} ${written.join(',')}::${escapeData(text)}`;
      });
    })
    .join('\n');
}
