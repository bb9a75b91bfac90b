import pc from 'picocolors';
import type { Diagnostic } from '../diagnostics/index.js';
import { formatStylish } from '../validate/formatters/stylish.js';

/** Colours only when stdout is a terminal and NO_COLOR is unset (picocolors also honours FORCE_COLOR). */
export const useColor = Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env) && pc.isColorSupported;
export const colors = pc.createColors(useColor);

export function writeOut(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function writeErr(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function writeJson(value: unknown): void {
  writeOut(JSON.stringify(value, null, 2));
}

/**
 * `txkit list | head -1`: once the reader has gone, nothing more can be said, so the command
 * ends quietly with status 0, as other Unix tools in a pipeline do (Node ignores SIGPIPE and
 * would otherwise crash with an unhandled EPIPE).
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
// eslint-disable-next-line no-control-regex
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
  return formatStylish(terminalSafeDiagnostics(diagnostics), { cwd: process.cwd(), colors });
}
