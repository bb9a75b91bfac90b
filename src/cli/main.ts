import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { registerBuild } from './commands/build.js';
import { registerDev } from './commands/dev.js';
import { registerDiff } from './commands/diff.js';
import { registerHooks } from './commands/hooks.js';
import { registerList } from './commands/list.js';
import { registerPull } from './commands/pull.js';
import { registerPush } from './commands/push.js';
import { registerRender } from './commands/render.js';
import { registerSandbox } from './commands/sandbox.js';
import { registerSend } from './commands/send.js';
import { registerValidate } from './commands/validate.js';
import { colors, endQuietlyOnClosedPipe, terminalSafe, writeErr } from './terminal.js';
import { environmentError, ExitCode, UsageError } from '../errors/usage-error.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** Runs a command body and turns its outcome into the exit-code contract (0 clean, 1 problems, 2 usage, 70 bug). */
async function run(action: () => Promise<ExitCode>): Promise<void> {
  try {
    process.exitCode = await action();
  } catch (error) {
    const usage = error instanceof UsageError ? error : environmentError(error);
    if (usage) {
      writeErr(`${colors.red('txkit:')} ${terminalSafe(usage.message)}`);
      process.exitCode = ExitCode.usage;
      return;
    }
    // Anything else is a txkit bug, not bad input: say so, with the version and stack for the report.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    writeErr(`${colors.red(`txkit: internal error — this is a bug in txkit ${version}`)}; please report it with the output below\n${terminalSafe(detail)}`);
    process.exitCode = ExitCode.internal;
  }
}

export function createProgram(): Command {
  const program = new Command('txkit')
    .description('Author, preview, validate and publish transactional email and SMS templates')
    .version(version)
    .option('-w, --workspace <dir>', 'workspace folder (default: "workspace" in txkit.config.yaml, else ./templates)')
    .showHelpAfterError()
    // -w/--workspace is read before or after the command name; each command's help lists it too.
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(colors.red(text)) });
  // Global options reach every command's action.
  program.hook('preAction', (thisCommand, actionCommand) => {
    const global = thisCommand.opts<{ workspace?: string }>();
    if (global.workspace && actionCommand.getOptionValue('workspace') === undefined) actionCommand.setOptionValue('workspace', global.workspace);
  });
  registerList(program, run);
  registerRender(program, run);
  registerBuild(program, run);
  registerDev(program, run);
  registerValidate(program, run);
  registerHooks(program, run);
  registerDiff(program, run);
  registerPush(program, run);
  registerPull(program, run);
  registerSend(program, run);
  registerSandbox(program, run);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  endQuietlyOnClosedPipe();
  const program = createProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; every other parse error is a usage error.
      process.exitCode = error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
      return;
    }
    throw error;
  }
}
