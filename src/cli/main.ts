import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { commandFor, commands } from './commands/index.js';
import type { Run } from './commands/run.js';
import { colors, endQuietlyOnClosedPipe, processIo, terminalSafe, wantsColor, withIo, writeErr, type CliIo } from './terminal.js';
import { environmentError, ExitCode, UsageError } from '../errors/usage-error.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** Runs a command body and turns its outcome into the exit-code contract (0 clean, 1 problems, 2 usage, 70 bug). */
async function outcome(action: () => Promise<ExitCode>): Promise<ExitCode> {
  try {
    return await action();
  } catch (error) {
    const usage = error instanceof UsageError ? error : environmentError(error);
    if (usage) {
      writeErr(`${colors.red('txkit:')} ${terminalSafe(usage.message)}`);
      return ExitCode.usage;
    }
    // Anything else is a txkit bug, not bad input: say so, with the version and stack for the report.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    writeErr(`${colors.red(`txkit: internal error — this is a bug in txkit ${version}`)}; please report it with the output below\n${terminalSafe(detail)}`);
    return ExitCode.internal;
  }
}

/**
 * The program with every command listed; only `selected` (the command the arguments name) is
 * loaded and defined in full, so `txkit --help` and each command import just what they need.
 */
async function createProgram(io: CliIo, run: Run, selected?: string): Promise<Command> {
  const program = new Command('txkit')
    .description('Author, preview, validate and publish transactional email and SMS templates')
    .version(version)
    .option('-w, --workspace <dir>', 'workspace folder (default: "workspace" in txkit.config.yaml, else ./templates)')
    .showHelpAfterError()
    // -w/--workspace is read before or after the command name; each command's help lists it too.
    // Commands are listed by name: the ones not run are not loaded, so their arguments are unknown here.
    .configureHelp({ showGlobalOptions: true, subcommandTerm: (command) => command.name() })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      getOutHelpWidth: () => (io.stdout.isTTY ? io.stdout.columns : undefined) ?? 80,
      getErrHelpWidth: () => (io.stderr.isTTY ? io.stderr.columns : undefined) ?? 80,
      getOutHasColors: () => wantsColor(io),
      getErrHasColors: () => wantsColor(io),
      outputError: (text, write) => write(colors.red(text)),
    });
  // Global options reach every command's action.
  program.hook('preAction', (thisCommand, actionCommand) => {
    const global = thisCommand.opts<{ workspace?: string }>();
    if (global.workspace && actionCommand.getOptionValue('workspace') === undefined) actionCommand.setOptionValue('workspace', global.workspace);
  });
  for (const entry of commands) {
    const command = program.command(entry.name).description(entry.description);
    if (entry.name === selected) (await entry.load())(command, run);
  }
  return program;
}

/** The command the arguments name (`txkit -w dir list`, `txkit help list`), if any. */
function selectedCommand(args: readonly string[]): string | undefined {
  const operands: string[] = [];
  for (let index = 0; index < args.length && operands.length < 2; index++) {
    const arg = args[index]!;
    if (arg === '-w' || arg === '--workspace') index++;
    else if (!arg.startsWith('-')) operands.push(arg);
  }
  return operands[0] === 'help' && commandFor(operands[1]) ? operands[1] : operands[0];
}

/**
 * Runs txkit with `argv` (as process.argv: node, script, arguments) and resolves with its exit
 * code. `io` replaces the process's streams, folder and environment (tests run the CLI in-process);
 * without it the CLI uses the process's own, and a closed stdout ends it quietly.
 */
export async function main(argv: readonly string[], io?: CliIo): Promise<ExitCode> {
  if (!io) endQuietlyOnClosedPipe();
  const cliIo = io ?? processIo();
  return withIo(cliIo, async () => {
    let exitCode: ExitCode = ExitCode.ok;
    const run: Run = async (action) => {
      exitCode = await outcome(action);
    };
    const program = await createProgram(cliIo, run, selectedCommand(argv.slice(2)));
    try {
      await program.parseAsync([...argv]);
    } catch (error) {
      if (error instanceof CommanderError) {
        // --help and --version exit 0; every other parse error is a usage error.
        return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
      }
      throw error;
    }
    return exitCode;
  });
}
