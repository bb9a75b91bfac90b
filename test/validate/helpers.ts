import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const defectsProject = path.join(repoRoot, 'test/fixtures/validate/defects');

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
