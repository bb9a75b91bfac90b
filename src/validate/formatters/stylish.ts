import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/index.js';
import type { Colors } from 'picocolors/types.js';

export interface FormatOptions {
  /** Paths are shown relative to this folder. */
  cwd: string;
  colors: Colors;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

/** ESLint-style output: diagnostics grouped by file, sorted by position, then a summary line. */
export function formatStylish(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  const { colors } = options;
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const list = byFile.get(diagnostic.file) ?? [];
    list.push(diagnostic);
    byFile.set(diagnostic.file, list);
  }
  const lines: string[] = [];
  for (const file of [...byFile.keys()].sort()) {
    lines.push(colors.underline(path.relative(options.cwd, file) || file));
    for (const diagnostic of byFile.get(file)!.sort(byPosition)) {
      const severity = diagnostic.severity === 'error' ? colors.red('error') : diagnostic.severity === 'warning' ? colors.yellow('warning') : colors.blue('info');
      lines.push(`  ${colors.dim(`${diagnostic.line}:${diagnostic.column}`.padEnd(8))} ${severity.padEnd(7 + (severity.length - diagnostic.severity.length))}  ${diagnostic.message}  ${colors.dim(diagnostic.ruleId)}`);
      if (diagnostic.hint) lines.push(`  ${' '.repeat(8)} ${colors.dim(`↳ ${diagnostic.hint}`)}`);
    }
    lines.push('');
  }
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length;
  if (errors + warnings > 0) {
    const summary = `✖ ${errors + warnings} problem${errors + warnings === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
    lines.push(errors > 0 ? colors.red(colors.bold(summary)) : colors.yellow(colors.bold(summary)));
  }
  return lines.join('\n');
}
