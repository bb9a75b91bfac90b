import { InvalidArgumentError, Option, type Command } from 'commander';
import { countSeverities } from '../../validate/results.js';
import { formatters, type FormatName } from '../../validate/formatters/index.js';
import { GitError } from '../../validate/git.js';
import { validateEverything, validateStagedThroughCache } from '../../validate/cached-validation.js';
import type { WorkspaceOptions } from '../open-workspace.js';
import { cliIo, colors, formatProblems, terminalSafeDiagnostics, writeErr, writeJson, writeOut } from '../terminal.js';
import { ExitCode, UsageError } from '../../errors/usage-error.js';
import type { Run } from './run.js';

interface ValidateOptions extends WorkspaceOptions {
  staged?: boolean;
  format: FormatName;
  maxWarnings?: number;
  rules?: boolean;
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, such as 0');
  return Number(value);
}

/**
 * Problems with where or how txkit runs, from the validation modules, as usage errors (exit 2).
 * The modules that define them are imported here: a second run answered from the result cache loads none of them.
 */
async function asUsageError(error: unknown): Promise<unknown> {
  const [{ SelectionError }, { asWorkspaceUsageError }] = await Promise.all([import('../../validate/run-validation.js'), import('../open-workspace.js')]);
  if (error instanceof SelectionError) return new UsageError(error.message);
  if (error instanceof GitError) return new UsageError(`--staged needs git: ${error.message}`);
  return asWorkspaceUsageError(error);
}

/** `txkit rules` and `txkit validate --rules`: every rule with the severity this project gives it. */
async function printRules(options: { workspace?: string; json: boolean; ids?: readonly string[] }): Promise<ExitCode> {
  const [{ registeredRules }, { formatRuleTable, listRules }, { ruleSeverities }, { unknownRuleDiagnostics }, { loadConfig }] = await Promise.all([
    import('../../validate/registry.js'),
    import('../../validate/rule-list.js'),
    import('../../validate/rule-severities.js'),
    import('../../validate/unknown-rules.js'),
    import('../../workspace/index.js'),
  ]);
  const { config, diagnostics } = await loadConfig(cliIo().cwd, options.workspace ? { workspace: options.workspace } : {});
  const rules = registeredRules();
  const unknown = (options.ids ?? []).filter((id) => !rules.some((rule) => rule.id === id));
  if (unknown.length > 0) throw new UsageError(`no rule ${unknown.join(', ')} (txkit rules lists them)`);
  const shown = options.ids?.length ? rules.filter((rule) => options.ids!.includes(rule.id)) : rules;
  const listing = listRules(shown, ruleSeverities(config.rules, rules));
  if (options.json) writeJson(listing);
  else writeOut(formatRuleTable(listing, colors));
  const problems = [...diagnostics, ...(await unknownRuleDiagnostics(config, rules))];
  if (problems.length > 0) writeErr(formatProblems(problems));
  return problems.some((problem) => problem.severity === 'error') ? ExitCode.problems : ExitCode.ok;
}

export function registerValidate(command: Command, run: Run): void {
  command
    .argument('[paths...]', 'message folders or files to check (default: the whole workspace)')
    .option('--staged', 'check the messages touched by staged changes, as staged (for pre-commit hooks)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(Object.keys(formatters)).default('stylish'))
    .option('--max-warnings <count>', 'also fail (exit 1) when there are more warnings than this', parseCount)
    .option('--rules', 'list the rules with their severities instead of checking')
    .addHelpText('after', '\nExit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage or setup problem.')
    .action((paths: string[], options: ValidateOptions) =>
      run(async () => {
        if (options.rules) return printRules({ ...(options.workspace ? { workspace: options.workspace } : {}), json: options.format === 'json' });
        if (options.staged && paths.length > 0) throw new UsageError('--staged checks what is staged: give it no paths');
        const runOptions = { cwd: cliIo().cwd, env: cliIo().env, ...(options.workspace ? { workspace: options.workspace } : {}) };
        const validating = async () => {
          if (options.staged) return validateStagedThroughCache(runOptions);
          if (paths.length === 0) return validateEverything(runOptions);
          const { validateWorkingTree } = await import('../../validate/run-validation.js');
          return validateWorkingTree({ ...runOptions, paths });
        };
        const diagnostics = await validating().catch(async (error: unknown) => {
          throw await asUsageError(error);
        });
        // JSON escapes control characters itself; the other formats are read in a terminal or a CI log.
        const shown = options.format === 'json' ? diagnostics : terminalSafeDiagnostics(diagnostics);
        const output = formatters[options.format](shown, { cwd: cliIo().cwd, colors });
        if (output !== '') writeOut(output);
        const { errorCount, warningCount } = countSeverities(diagnostics);
        if (errorCount > 0) return ExitCode.problems;
        if (options.maxWarnings !== undefined && warningCount > options.maxWarnings) {
          writeErr(colors.red(`txkit: ${warningCount} warnings, more than --max-warnings ${options.maxWarnings}`));
          return ExitCode.problems;
        }
        return ExitCode.ok;
      }),
    );
}

export function registerRules(command: Command, run: Run): void {
  command
    .argument('[ids...]', 'only these rules, e.g. email/compat (which names its caniemail data version)')
    .option('--json', 'print JSON for scripts')
    .action((ids: string[], options: WorkspaceOptions & { json?: boolean }) =>
      run(() => printRules({ ...(options.workspace ? { workspace: options.workspace } : {}), json: options.json ?? false, ids })),
    );
}
