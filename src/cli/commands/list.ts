import type { Command } from 'commander';
import { messageLanguages } from '../../workspace/index.js';
import { openWorkspace, type WorkspaceOptions } from '../open-workspace.js';
import { colors, formatProblems, terminalSafe, writeErr, writeJson, writeOut } from '../terminal.js';
import { ExitCode } from '../../errors/usage-error.js';
import type { Run } from './run.js';

interface ListOptions extends WorkspaceOptions {
  json?: boolean;
}

/** Left-aligned columns two spaces apart, each as wide as its widest cell (no trailing spaces). */
function formatTable(rows: readonly string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd(),
  );
}

export function registerList(command: Command, run: Run): void {
  command.option('--json', 'print JSON for scripts').action((options: ListOptions) =>
    run(async () => {
      const opened = await openWorkspace(options);
      const messages = opened.workspace.messages.map((message) => ({
        id: message.id,
        name: message.definition.name,
        engine: message.definition.engine,
        channels: [...(message.email ? ['email'] : []), ...(message.sms ? ['sms'] : []), ...(message.whatsapp ? ['whatsapp'] : [])],
        languages: messageLanguages(message),
        samples: message.samples.map((sample) => sample.name),
        targets: Object.keys(message.definition.targets).filter((target) => message.definition.targets[target as keyof typeof message.definition.targets]),
      }));
      const broken = opened.workspace.broken.map((message) => ({ id: message.id, problems: message.diagnostics.length }));
      if (options.json) {
        writeJson({ workspace: opened.config.workspace, messages, broken, diagnostics: opened.diagnostics });
      } else {
        // Folder and sample names come from the workspace: an escape sequence in one is shown, not obeyed.
        const rows = messages.map((message) =>
          [message.id, message.channels.join(', '), message.languages.join(', '), message.engine, message.samples.join(', '), message.targets.join(', ')].map(
            (cell) => terminalSafe(cell, { singleLine: true }),
          ),
        );
        const [header, ...lines] = formatTable([['id', 'channels', 'languages', 'engine', 'samples', 'targets'], ...rows]);
        writeOut(colors.bold(header));
        for (const line of lines) writeOut(line);
        const width = Math.max(2, ...messages.map((message) => message.id.length), ...broken.map((message) => message.id.length));
        for (const message of broken)
          writeOut(
            colors.red(
              `${terminalSafe(message.id, { singleLine: true }).padEnd(width)}  cannot be loaded (${message.problems} problem${message.problems === 1 ? '' : 's'})`,
            ),
          );
        if (opened.diagnostics.length > 0) writeErr(formatProblems(opened.diagnostics));
      }
      return opened.diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? ExitCode.problems : ExitCode.ok;
    }),
  );
}
