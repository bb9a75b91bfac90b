import type { Command } from 'commander';
import { createInterface } from 'node:readline/promises';
import type { Diagnostic } from '../../diagnostics/index.js';
import { executePlan, type ExecutionReport, type StepResult } from '../../sync/execute-plan.js';
import type { Plan } from '../../sync/plan.js';
import {
  concernsMessage,
  concurrencyOption,
  deadlineOption,
  openSyncTarget,
  reportingPlatformErrors,
  targetOption,
  type OpenedSync,
  type SyncOptions,
} from '../open-sync-target.js';
import { cliIo, colors, terminalSafe } from '../terminal.js';
import { ExitCode } from '../../errors/usage-error.js';
import { showPlan } from './diff.js';
import type { Run } from './run.js';

interface PushOptions extends SyncOptions {
  dryRun?: boolean;
  yes?: boolean;
}

async function confirm(question: string): Promise<boolean> {
  const prompt = createInterface({ input: cliIo().stdin, output: cliIo().stdout });
  try {
    return /^y(es)?$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

/** Names from the workspace and the platform, printed with their control characters escaped. */
const shown = (text: string) => terminalSafe(text, { singleLine: true });

function describeStep(result: StepResult): string {
  return shown(`${result.step.platform} ${result.step.kind} ${result.step.key}`);
}

/**
 * One line per message the push concerned: published, up to date, or not published with the
 * reason; the platform's refusals as diagnostics on the message's files. Exit 1 when any
 * message was not published: a re-run converges, since the plan is read from the platform again.
 */
function reportOutcome(sync: OpenedSync, plan: Plan, report: ExecutionReport): ExitCode {
  const platform = sync.target.platform;
  const problems = [...sync.opened.diagnostics, ...plan.diagnostics];
  const refusals: Diagnostic[] = [];
  let published = 0;
  let notPublished = 0;
  for (const message of sync.opened.workspace.messages) {
    const results = report.results.filter((result) => result.step.messageId === message.id);
    const failed = results.filter((result) => result.status === 'failed' || result.status === 'skipped');
    const refused = results.length === 0 && problems.some((diagnostic) => diagnostic.severity === 'error' && concernsMessage(diagnostic, message));
    if (!message.definition.targets[platform] || (results.length === 0 && !refused)) continue;
    if (failed.length > 0 || refused) {
      notPublished++;
      sync.output.err(colors.red(`✖ ${shown(message.id)}: not published${refused ? ' (see the problems above)' : ''}`));
      for (const result of failed) {
        sync.output.err(`    ${describeStep(result)} ${result.status === 'skipped' ? 'not written' : 'failed'}: ${terminalSafe(result.reason ?? '')}`);
        if (result.error) refusals.push(...(result.step.explain?.(result.error) ?? []));
      }
      const written = results.filter((result) => result.status === 'done');
      for (const result of written) sync.output.err(colors.dim(`    ${describeStep(result)} written`));
    } else if (results.some((result) => result.status === 'done')) {
      published++;
      const written = results.filter((result) => result.status === 'done').map(describeStep);
      sync.output.out(colors.green(`✔ ${shown(message.id)}: published (${written.join(', ')})`));
      for (const result of results)
        if (result.status === 'done' && result.step.note) sync.output.out(colors.yellow(`    ${describeStep(result)}: ${result.step.note}`));
    } else {
      published++;
      sync.output.out(colors.dim(`= ${shown(message.id)}: up to date`));
    }
  }
  sync.output.diagnostics(refusals);
  sync.output.out(`${published} message${published === 1 ? '' : 's'} published or up to date${notPublished ? `, ${notPublished} not published` : ''}.`);
  return notPublished > 0 ? ExitCode.problems : ExitCode.ok;
}

export function registerPush(command: Command, run: Run): void {
  command
    .argument('[messages...]', 'message ids (default: every message)')
    .addOption(targetOption())
    .addOption(concurrencyOption())
    .addOption(deadlineOption())
    .option('--dry-run', 'show the plan and write nothing (same as diff)')
    .option('-y, --yes', 'do not ask before writing (a push without a terminal never asks)')
    .action((ids: string[], options: PushOptions) =>
      run(() =>
        reportingPlatformErrors(async () => {
          const sync = await openSyncTarget(options, ids);
          const { plan, exitCode } = await showPlan(sync, false);
          if (options.dryRun) return exitCode;
          const writes = plan.steps.filter((step) => step.action !== 'unchanged').length;
          const interactive = Boolean(cliIo().stdin.isTTY && cliIo().stdout.isTTY);
          if (
            writes > 0 &&
            interactive &&
            !options.yes &&
            !(await confirm(`Write ${writes} change${writes === 1 ? '' : 's'} to ${sync.target.platform}? (y/N) `))
          ) {
            sync.output.out('Push cancelled: nothing was written.');
            return ExitCode.problems;
          }
          // Ctrl-C stops starting writes and still prints what was and was not published.
          const interrupted = new AbortController();
          const interrupt = () => interrupted.abort();
          process.once('SIGINT', interrupt);
          try {
            const report = await executePlan(plan, { concurrency: sync.concurrency, signal: interrupted.signal });
            const exitCode = reportOutcome(sync, plan, report);
            if (interrupted.signal.aborted)
              sync.output.err('Push interrupted: the messages not published above were not (completely) written; run push again to finish.');
            return exitCode;
          } finally {
            process.off('SIGINT', interrupt);
          }
        }),
      ),
    );
}
