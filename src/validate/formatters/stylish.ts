import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/index.js';
import { countSeverities, resultsByFile, type SeverityCounts } from '../results.js';
import type { FormatOptions } from './format-options.js';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function summary(counts: SeverityCounts): string {
  const total = counts.errorCount + counts.warningCount + counts.infoCount;
  const infos = counts.infoCount > 0 ? `, ${plural(counts.infoCount, 'info')}` : '';
  return `✖ ${plural(total, 'problem')} (${plural(counts.errorCount, 'error')}, ${plural(counts.warningCount, 'warning')}${infos})`;
}

/**
 * ESLint-style output: per file, its problems sorted by position in aligned columns
 * (line:column, severity, message, rule id), a hint under its problem, then a summary line.
 * No problems, no output.
 */
export function formatStylish(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  const { colors } = options;
  if (diagnostics.length === 0) return '';
  const paint = { error: colors.red, warning: colors.yellow, info: colors.blue } as const;
  const lines: string[] = [];
  for (const result of resultsByFile(diagnostics)) {
    lines.push(colors.underline(path.relative(options.cwd, result.filePath) || result.filePath));
    const positions = result.messages.map((message) => `${message.line}:${message.column}`);
    const positionWidth = Math.max(...positions.map((position) => position.length));
    const severityWidth = Math.max(...result.messages.map((message) => message.severity.length));
    const messageWidth = Math.max(...result.messages.map((message) => message.message.length));
    result.messages.forEach((message, index) => {
      const position = colors.dim(positions[index]!.padEnd(positionWidth));
      const severity = paint[message.severity](message.severity.padEnd(severityWidth));
      lines.push(`  ${position}  ${severity}  ${message.message.padEnd(messageWidth)}  ${colors.dim(message.ruleId)}`);
      if (message.hint) lines.push(`  ${' '.repeat(positionWidth + severityWidth + 4)}${colors.dim(`↳ ${message.hint}`)}`);
    });
    lines.push('');
  }
  const counts = countSeverities(diagnostics);
  const color = counts.errorCount > 0 ? colors.red : counts.warningCount > 0 ? colors.yellow : colors.blue;
  lines.push(color(colors.bold(summary(counts))));
  return lines.join('\n');
}
