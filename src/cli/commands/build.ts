import type { Command } from 'commander';
import path from 'node:path';
import { build, manifestName, type MessageBuild } from '../../build/build.js';
import type { MjmlCacheStats } from '../../email/mjml-cache.js';
import { findMessage, openWorkspace, type WorkspaceOptions } from '../open-workspace.js';
import { cliIo, colors, formatProblems, writeErr, writeJson, writeOut } from '../terminal.js';
import { ExitCode } from '../../errors/usage-error.js';
import type { Run } from './run.js';

interface BuildCommandOptions extends WorkspaceOptions {
  out?: string;
  json?: boolean;
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** `order-confirmation  email.html 13.2 KB, subject, preheader, sms · 2 samples` */
function summaryLine(build: MessageBuild, width: number): string {
  const names = build.artifacts.map((artifact) => artifact.path.slice(build.message.length + 1));
  const templates = names.filter((name) => !name.startsWith('samples/'));
  const html = build.artifacts.find((artifact) => artifact.path.endsWith('/email.html'));
  const parts = templates.map((name) => (name === 'email.html' && html ? `email.html ${kilobytes(Buffer.byteLength(html.content, 'utf8'))}` : name));
  const samples = new Set(
    names.filter((name) => name.startsWith('samples/')).map((name) => name.slice('samples/'.length).replace(/(\.sms)?\.(html|txt)$/, '')),
  );
  return `  ${build.message.padEnd(width)}  ${parts.join(', ')} · ${samples.size} sample${samples.size === 1 ? '' : 's'}`;
}

function cacheSummary(stats: MjmlCacheStats): string {
  return `MJML: ${stats.compiles} compiled, ${stats.hits} from cache`;
}

export function registerBuild(command: Command, run: Run): void {
  command
    .argument('[messages...]', 'message ids (default: every message)')
    .option('-o, --out <dir>', 'output folder (default: "out" in txkit.config.yaml, else ./build)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExit codes: 0 built cleanly, 1 built with errors (what rendered is still written), 2 usage problem.')
    .action((ids: string[], options: BuildCommandOptions) =>
      run(async () => {
        const opened = await openWorkspace(options, ids);
        const messages = ids.length > 0 ? await Promise.all(ids.map((id) => findMessage(opened, id))) : opened.workspace.messages;
        const result = await build({
          config: opened.config,
          messages,
          partial: ids.length > 0,
          ...(options.out !== undefined ? { out: path.resolve(cliIo().cwd, options.out) } : {}),
        });
        const { out, builds, manifest, cache } = result;
        const diagnostics = [...opened.diagnostics, ...result.diagnostics];
        const files = builds.reduce((sum, built) => sum + built.artifacts.length, 0);
        if (options.json) {
          writeJson({ out, messages: manifest.messages.filter((entry) => builds.some((built) => built.message === entry.message)), cache, diagnostics });
        } else {
          const width = Math.max(0, ...builds.map((built) => built.message.length));
          writeOut(colors.bold(`${path.relative(cliIo().cwd, out) || '.'}/`));
          for (const built of builds) writeOut(summaryLine(built, width));
          writeOut(colors.dim(cacheSummary(cache)));
          writeOut(`wrote ${files} file${files === 1 ? '' : 's'} and ${manifestName} for ${builds.length} message${builds.length === 1 ? '' : 's'}`);
          if (diagnostics.length > 0) writeErr(formatProblems(diagnostics));
        }
        return diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? ExitCode.problems : ExitCode.ok;
      }),
    );
}
