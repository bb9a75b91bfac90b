import { AsyncLocalStorage } from 'node:async_hooks';
import pc from 'picocolors';
import type { Colors } from 'picocolors/types.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { formatStylish } from '../validate/formatters/stylish.js';

/** What one run of the CLI talks to: the process's own streams, folder and environment, or a caller's (tests run it in-process). */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

export function processIo(): CliIo {
  return {
    // Read when a command needs it, so a folder that cannot be read is that command's error.
    get cwd() {
      return process.cwd();
    },
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  };
}

interface CliContext {
  io: CliIo;
  colors: Colors;
}

// Each run carries its own io through every await, so two runs in one process never see each other's.
const current = new AsyncLocalStorage<CliContext>();

/**
 * Colours only when stdout is a terminal and NO_COLOR is unset; TERM=dumb turns them off unless
 * FORCE_COLOR or CI asks for them (picocolors' own rule, applied to this run's environment).
 */
export function wantsColor(io: CliIo): boolean {
  return Boolean(io.stdout.isTTY) && !('NO_COLOR' in io.env) && (io.env.TERM !== 'dumb' || 'FORCE_COLOR' in io.env || 'CI' in io.env);
}

/** Runs `work` with `io` as the CLI's streams, folder and environment. */
export function withIo<T>(io: CliIo, work: () => T): T {
  return current.run({ io, colors: pc.createColors(wantsColor(io)) }, work);
}

function context(): CliContext {
  const found = current.getStore();
  if (found) return found;
  const io = processIo();
  return { io, colors: pc.createColors(wantsColor(io)) };
}

/** This run's streams, working folder and environment. */
export function cliIo(): CliIo {
  return context().io;
}

/** This run's colours: each member is looked up in the run it is used in, so modules may hold `colors` once. */
export const colors: Colors = Object.defineProperties(
  {},
  Object.fromEntries(Object.keys(pc.createColors(false)).map((name) => [name, { enumerable: true, get: () => context().colors[name as keyof Colors] }])),
) as Colors;

export function writeOut(text: string): void {
  cliIo().stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function writeErr(text: string): void {
  cliIo().stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function writeJson(value: unknown): void {
  writeOut(JSON.stringify(value, null, 2));
}

/**
 * `txkit list | head -1`: once the reader has gone, nothing more can be said, so the command
 * ends quietly with status 0, as other Unix tools in a pipeline do (Node ignores SIGPIPE and
 * would otherwise crash with an unhandled EPIPE). Only for the process's own streams.
 */
export function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
}

// C0 controls but tab and newline, DEL, and C1 controls (0x9b is a one-byte CSI on some terminals).
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const lineBreaks = /[\n\r]/g;

function escaped(character: string): string {
  return `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/**
 * Text from the workspace (folder names, sample values, messages quoting them) made safe to
 * print: an escape sequence in a folder name must not move the cursor, retitle the window or
 * hide lines. Control characters are shown as `\x1b`; `singleLine` escapes line breaks too.
 */
export function terminalSafe(text: string, options: { singleLine?: boolean } = {}): string {
  const safe = text.replace(controlCharacters, escaped);
  return options.singleLine ? safe.replace(lineBreaks, escaped) : safe;
}

/** Diagnostics with every field that may quote the workspace made safe to print. */
export function terminalSafeDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((diagnostic) => ({
    ...diagnostic,
    file: terminalSafe(diagnostic.file, { singleLine: true }),
    message: terminalSafe(diagnostic.message),
    ...(diagnostic.hint !== undefined ? { hint: terminalSafe(diagnostic.hint) } : {}),
  }));
}

/** Problems as the terminal shows them (stylish, safe to print). */
export function formatProblems(diagnostics: readonly Diagnostic[]): string {
  return formatStylish(terminalSafeDiagnostics(diagnostics), { cwd: cliIo().cwd, colors });
}

/** Vite's HMR log style: "12:04:05 [txkit] …", one line per event, the time dimmed (`txkit dev`). */
export function logLine(text: string): string {
  return `${colors.dim(new Date().toLocaleTimeString())} ${colors.bold(colors.cyan('[txkit]'))} ${text}`;
}
