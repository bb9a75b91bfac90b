import type { Command } from 'commander';
import { formatStylish } from '../../validate/formatters/stylish.js';
import { openWorkspace, type WorkspaceOptions } from '../open-workspace.js';
import { colors, writeErr, writeJson, writeOut } from '../terminal.js';
import { ExitCode } from '../usage-error.js';

interface ListOptions extends WorkspaceOptions {
  json?: boolean;
}

export function registerList(program: Command, run: (action: () => Promise<ExitCode>) => Promise<void>): void {
  program
    .command('list')
    .description('list the messages of the workspace with their channels, samples and targets')
    .option('--json', 'print JSON for scripts')
    .action((options: ListOptions) =>
      run(async () => {
        const opened = await openWorkspace(options);
        const messages = opened.workspace.messages.map((message) => ({
          id: message.id,
          name: message.definition.name,
          engine: message.definition.engine,
          channels: [...(message.email ? ['email'] : []), ...(message.sms ? ['sms'] : [])],
          samples: message.samples.map((sample) => sample.name),
          targets: Object.keys(message.definition.targets).filter((target) => message.definition.targets[target as keyof typeof message.definition.targets]),
        }));
        const broken = opened.workspace.broken.map((message) => ({ id: message.id, problems: message.diagnostics.length }));
        if (options.json) {
          writeJson({ workspace: opened.config.workspace, messages, broken, diagnostics: opened.diagnostics });
        } else {
          const width = Math.max(4, ...messages.map((message) => message.id.length));
          writeOut(colors.bold(`${'id'.padEnd(width)}  ${'channels'.padEnd(10)}  ${'engine'.padEnd(10)}  ${'samples'.padEnd(30)}  targets`));
          for (const message of messages) {
            writeOut(`${message.id.padEnd(width)}  ${message.channels.join(', ').padEnd(10)}  ${message.engine.padEnd(10)}  ${message.samples.join(', ').padEnd(30)}  ${message.targets.join(', ')}`);
          }
          for (const message of broken) writeOut(colors.red(`${message.id.padEnd(width)}  cannot be loaded (${message.problems} problem${message.problems === 1 ? '' : 's'})`));
          if (opened.diagnostics.length > 0) writeErr(formatStylish(opened.diagnostics, { cwd: process.cwd(), colors }));
        }
        return opened.diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? ExitCode.problems : ExitCode.ok;
      }),
    );
}
