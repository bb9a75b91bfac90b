import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PulledMessage } from '../../sync/sync-target.js';
import { resolveInside } from '../../workspace/index.js';
import { concurrencyOption, deadlineOption, hasErrors, openSyncTarget, reportingPlatformErrors, targetOption, type SyncOptions } from '../open-sync-target.js';
import { cliIo, colors, terminalSafe } from '../terminal.js';
import { ExitCode, UsageError } from '../../errors/usage-error.js';
import type { Run } from './run.js';

interface PullOptions extends SyncOptions {
  dryRun?: boolean;
}

/** Writes a pulled message's files into its new folder; `wx` so that nothing existing is ever overwritten. */
async function writeMessage(workspace: string, pulled: PulledMessage): Promise<void> {
  const folder = path.join(workspace, pulled.id);
  for (const [name, content] of Object.entries(pulled.files)) {
    const confined = resolveInside(workspace, folder, name);
    if (confined.problem !== undefined) throw new UsageError(`pulled file ${name}: ${confined.problem}`);
    await mkdir(path.dirname(confined.path), { recursive: true });
    await writeFile(confined.path, content, { flag: 'wx' });
  }
}

export function registerPull(command: Command, run: Run): void {
  command
    .addOption(targetOption())
    .addOption(concurrencyOption())
    .addOption(deadlineOption())
    .option('--dry-run', 'list the folders that would be created, write nothing')
    .action((options: PullOptions) =>
      run(() =>
        reportingPlatformErrors(async () => {
          const sync = await openSyncTarget(options);
          if (!sync.connection.pull) throw new UsageError(`${sync.target.platform} cannot pull`);
          const workspace = sync.opened.config.workspace;
          const { messages, diagnostics } = await sync.connection.pull(sync.opened.workspace.messages);
          sync.output.diagnostics(diagnostics);
          let created = 0;
          for (const pulled of messages) {
            const folder = path.join(workspace, pulled.id);
            // Both named by the platform's definitions: printed with their control characters escaped.
            const shown = terminalSafe(path.relative(cliIo().cwd, folder) || folder, { singleLine: true });
            const files = terminalSafe(Object.keys(pulled.files).join(', '), { singleLine: true });
            // Never overwrite: a folder that exists is the user's, whatever it holds.
            if (existsSync(folder)) {
              sync.output.err(colors.yellow(`skipped ${shown}: the folder exists`));
            } else if (options.dryRun) {
              sync.output.out(`would create ${shown}/ (${files})`);
            } else {
              await writeMessage(workspace, pulled);
              created++;
              sync.output.out(colors.green(`created ${shown}/ (${files})`));
            }
          }
          if (messages.length === 0) sync.output.out(`Nothing to pull: every ${sync.target.platform} definition is in the workspace.`);
          else if (!options.dryRun) sync.output.out(`${created} message folder${created === 1 ? '' : 's'} created.`);
          return hasErrors(diagnostics) ? ExitCode.problems : ExitCode.ok;
        }),
      ),
    );
}
