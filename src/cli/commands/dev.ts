import { InvalidArgumentError, type Command } from 'commander';
import path from 'node:path';
import { defaultPreviewHost, defaultPreviewPort } from '../../preview/defaults.js';
import { formatStylish } from '../../validate/formatters/stylish.js';
import { loadConfig, WorkspaceNotFoundError } from '../../workspace/index.js';
import type { PreviewEvent } from '../../preview/plugin.js';
import { cliIo, colors, logLine, terminalSafe, wantsColor, writeErr, writeOut } from '../terminal.js';
import { previewSender } from '../preview-sender.js';
import { ExitCode, UsageError } from '../../errors/usage-error.js';
import { addOutboxOptions, startWorkspaceSandbox } from '../workspace-sandbox.js';
import type { Run } from './run.js';

interface DevOptions {
  workspace?: string;
  port: number;
  host: string;
  open?: boolean;
  sandbox?: boolean;
  sandboxPort: number;
  reset: boolean;
  outboxLimit: number;
  profileSample?: string;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return port;
}

/** Why the server could not listen, for the errors that come from the --host / --port given (undefined: a txkit bug). */
function listenFailure(code: string | undefined): string | undefined {
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'EAI_FAIL':
      return 'no such host; pass --host an address of this machine (127.0.0.1, or 0.0.0.0 for your network)';
    case 'EADDRNOTAVAIL':
    case 'EINVAL':
      return "that address is not one of this machine's; pass --host 127.0.0.1, or 0.0.0.0 for your network";
    case 'EACCES':
      return 'permission denied; pick a --port above 1023';
    default:
      return undefined;
  }
}

/** Names and messages from the workspace, printed on one line with no control characters. */
function safe(text: string): string {
  return terminalSafe(text, { singleLine: true });
}

/** Each re-render after a save (which messages, which files, how long) and each error. */
function logPreviewEvent(event: PreviewEvent, root: string): void {
  switch (event.kind) {
    case 'render': {
      const parts = [
        ...(event.changed.length > 0 ? [`${colors.green('re-rendered')} ${safe(event.changed.join(', '))}`] : []),
        ...(event.removed.length > 0 ? [`${colors.yellow('removed')} ${safe(event.removed.join(', '))}`] : []),
      ];
      writeOut(`${logLine(parts.join('; '))} ${colors.dim(`(${safe(event.files.join(', '))}) ${Math.round(event.ms)} ms`)}`);
      return;
    }
    case 'errors':
      for (const diagnostic of event.diagnostics) {
        const where = `${path.relative(root, diagnostic.file).split(path.sep).join('/')}:${diagnostic.line}:${diagnostic.column}`;
        writeOut(`${logLine(`${colors.red('error')} ${safe(where)} ${safe(diagnostic.message)}`)} ${colors.dim(diagnostic.ruleId)}`);
      }
      return;
    case 'error':
      writeErr(logLine(`${colors.red('error')} ${safe(event.message)}`));
  }
}

/** Whether a browser window can be opened: Linux and the BSDs need an X11 or Wayland display (macOS and Windows always have one). */
function hasDisplay(): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  const { env } = cliIo();
  return Boolean(env['DISPLAY'] || env['WAYLAND_DISPLAY']);
}

/** Resolves when the user stops the server (Ctrl+C) or the process is asked to end. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export function registerDev(command: Command, run: Run): void {
  addOutboxOptions(
    command
      .argument('[workspace]', 'workspace folder (default: from txkit.config.yaml, else ./templates)')
      .option('-p, --port <port>', 'port to listen on; the next free one is used when it is taken', parsePort, defaultPreviewPort)
      .option('--host <address>', 'address to listen on (0.0.0.0 exposes the preview to your network)', defaultPreviewHost)
      .option('--open', 'open the preview in your browser')
      .option('--sandbox', 'also run `txkit sandbox` (on 127.0.0.1) and show its outbox: the sends your application makes, rendered')
      .option('--sandbox-port <port>', 'port of the sandbox (0 = any free port)', parsePort, 4010),
  ).action((workspaceArgument: string | undefined, options: DevOptions) =>
    run(async () => {
      const started = performance.now();
      const workspace = workspaceArgument ?? options.workspace;
      const { config, diagnostics } = await loadConfig(cliIo().cwd, workspace ? { workspace } : {});
      if (diagnostics.length > 0) writeErr(formatStylish(diagnostics, { cwd: cliIo().cwd, colors }));
      // Vite's opener fails silently where no browser can show (an SSH session, a container).
      const openable = (options.open ?? false) && hasDisplay();
      const sandbox = options.sandbox
        ? (
            await startWorkspaceSandbox(config, {
              port: options.sandboxPort,
              seed: true,
              reset: options.reset,
              outboxLimit: options.outboxLimit,
              ...(options.profileSample ? { profileSample: options.profileSample } : {}),
            })
          ).sandbox
        : undefined;
      let server;
      try {
        // Vite loads only when the preview starts: every other command starts faster without it.
        const { startPreviewServer } = await import('../../preview/index.js');
        server = await startPreviewServer({
          config,
          host: options.host,
          port: options.port,
          open: openable,
          colors: wantsColor(cliIo()),
          onEvent: (event) => logPreviewEvent(event, config.workspace),
          ...(sandbox ? { sandboxUrl: sandbox.url } : {}),
          sender: previewSender(config.workspace),
        });
      } catch (error) {
        await sandbox?.close();
        if (error instanceof WorkspaceNotFoundError)
          throw new UsageError(`no workspace at ${error.root}: run txkit from your project root, or pass the workspace folder`);
        const reason = listenFailure((error as NodeJS.ErrnoException).code);
        if (reason) throw new UsageError(`cannot listen on ${options.host}:${options.port}: ${reason}`);
        throw error;
      }
      // Listen for Ctrl+C before saying it works: a signal right after the message must not kill us.
      const stopped = untilStopped();
      const snapshot = server.workspace.snapshot();
      const problems = snapshot.messages.reduce((sum, message) => sum + message.counts.errors + message.counts.warnings, 0);
      writeOut(`\n  ${colors.bold(colors.cyan('txkit preview'))}  ${colors.dim(`ready in ${Math.round(performance.now() - started)} ms`)}\n`);
      if (options.port !== 0 && server.port !== options.port) writeOut(colors.yellow(`  port ${options.port} is in use: serving on ${server.port} instead\n`));
      server.vite.printUrls();
      writeOut(
        `  ${colors.dim('➜')}  ${colors.bold('Workspace:')} ${path.relative(cliIo().cwd, snapshot.root) || '.'} ` +
          colors.dim(`(${snapshot.messages.length} message${snapshot.messages.length === 1 ? '' : 's'}, ${problems} problem${problems === 1 ? '' : 's'})`),
      );
      if (sandbox)
        writeOut(
          `  ${colors.dim('➜')}  ${colors.bold('Sandbox:')} ${sandbox.url} ${colors.dim(`(SFMC and Customer.io; its outbox is in the preview, ${sandbox.outbox.entries().length} sends kept)`)}`,
        );
      if (options.open && !openable) writeOut(colors.yellow(`  --open: no display to open a browser on; open ${server.url} yourself`));
      writeOut(colors.dim('  press Ctrl+C to stop\n'));
      await stopped;
      await server.close();
      await sandbox?.close();
      return ExitCode.ok;
    }),
  );
}
