import pc from 'picocolors';

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
