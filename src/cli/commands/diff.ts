import type { Command } from 'commander';
import { formatPlan } from '../../sync/format-plan.js';
import type { Plan } from '../../sync/plan.js';
import {
  concurrencyOption,
  deadlineOption,
  hasErrors,
  openSyncTarget,
  reportingPlatformErrors,
  targetOption,
  type OpenedSync,
  type SyncOptions,
} from '../open-sync-target.js';
import { colors, terminalSafe } from '../terminal.js';
import { ExitCode } from '../../errors/usage-error.js';
import type { Run } from './run.js';

interface DiffOptions extends SyncOptions {
  json?: boolean;
}

/** A plan for scripts: the steps without their write closures. */
export function planJson(plan: Plan): unknown {
  return {
    steps: plan.steps.map(({ id, platform, kind, key, messageId, action, changes, dependsOn }) => ({
      id,
      platform,
      kind,
      key,
      messageId,
      action,
      changes,
      dependsOn,
    })),
    drift: plan.drift,
    diagnostics: plan.diagnostics,
  };
}

/** Reads the remote state and prints what a push would do; exit 1 when a message cannot be published. */
export async function showPlan(sync: OpenedSync, json: boolean): Promise<{ plan: Plan; exitCode: ExitCode }> {
  const plan = await sync.connection.plan(sync.messages);
  if (json) {
    sync.output.out(JSON.stringify({ target: sync.target.platform, ...(planJson(plan) as object) }, null, 2));
  } else {
    sync.output.diagnostics(plan.diagnostics);
    sync.output.out(formatPlan(plan, { colors, name: (text) => terminalSafe(text, { singleLine: true }) }));
  }
  const problems = hasErrors(plan.diagnostics) || hasErrors(sync.opened.diagnostics);
  return { plan, exitCode: problems ? ExitCode.problems : ExitCode.ok };
}

export function registerDiff(command: Command, run: Run): void {
  command
    .argument('[messages...]', 'message ids (default: every message)')
    .addOption(targetOption())
    .addOption(concurrencyOption())
    .addOption(deadlineOption())
    .option('--json', 'print the plan as JSON')
    .action((ids: string[], options: DiffOptions) =>
      run(() =>
        reportingPlatformErrors(async () => {
          const sync = await openSyncTarget(options, ids);
          return (await showPlan(sync, options.json === true)).exitCode;
        }),
      ),
    );
}
