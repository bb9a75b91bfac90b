import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const defectsProject = path.join(repoRoot, 'test/fixtures/validate/defects');

/** 1-based line and column where `needle` starts in the file (its `occurrence`-th appearance), read from the fixture itself. */
export function positionOf(file: string, needle: string, occurrence = 1): { line: number; column: number } {
  const text = readFileSync(file, 'utf8');
  let offset = -1;
  for (let found = 0; found < occurrence; found++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset === -1) throw new Error(`"${needle}" is not in ${file} ${occurrence} times`);
  }
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** Where, which rule and how serious: the fields a defect is identified by. */
export function located(diagnostics: readonly Diagnostic[], ruleId: string) {
  return diagnostics
    .filter((diagnostic) => diagnostic.ruleId === ruleId)
    .map(({ file, line, column, severity }) => ({ file, line, column, severity }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** Runs txkit in-process (test/helpers/run-cli.ts) with NO_COLOR, in `cwd`, as a user does. */
export async function runTxkit(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return runCli(args, { cwd, env: { NO_COLOR: '1', ...env } });
}
