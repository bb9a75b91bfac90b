import type { Command } from 'commander';
import { GitError } from '../../validate/git.js';
import { ForeignHookError, HookLinkError, installPreCommitHook, validateStagedCommand } from '../../validate/hooks/pre-commit-hook.js';
import { cliIo, colors, writeOut } from '../terminal.js';
import { ExitCode, UsageError } from '../../errors/usage-error.js';
import type { Run } from './run.js';

export function registerHooks(hooks: Command, run: Run): void {
  hooks
    .command('install')
    .description(`write .git/hooks/pre-commit to run \`${validateStagedCommand}\` before each commit`)
    .option('--force', 'replace a pre-commit hook that txkit did not write')
    .action((options: { force?: boolean; workspace?: string }) =>
      run(async () => {
        const install = { cwd: cliIo().cwd, env: cliIo().env, force: options.force ?? false, ...(options.workspace ? { workspace: options.workspace } : {}) };
        const result = await installPreCommitHook(install).catch((error: unknown) => {
          if (error instanceof ForeignHookError) {
            throw new UsageError(`${error.message}: pass --force to replace it, or add this line to it:\n  ${validateStagedCommand}`);
          }
          if (error instanceof HookLinkError) throw new UsageError(`${error.message}: remove the link, then install again`);
          if (error instanceof GitError) throw new UsageError(`hooks install needs a git repository: ${error.message}`);
          throw error;
        });
        const verb = result.previous === 'nothing' ? 'installed' : result.previous === 'txkit' ? 'updated' : 'replaced';
        writeOut(`${colors.green(verb)} ${result.file}: runs \`${validateStagedCommand}\` before each commit`);
        return ExitCode.ok;
      }),
    );
}
