import type { Position } from './diagnostic.js';

let indexed: { text: string; lineStarts: number[] } | undefined;

/**
 * Offsets where each line of `text` starts, for the most recent text asked about: callers turn
 * many offsets of one text into positions (a diagnostic per attribute, a variable per tag), and
 * scanning from the start each time made that quadratic.
 */
function lineStartsOf(text: string): number[] {
  if (indexed?.text !== text) {
    const lineStarts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    indexed = { text, lineStarts };
  }
  return indexed.lineStarts;
}

/** 1-based line/column of a UTF-16 offset in `text` (columns count UTF-16 code units, as editors do). */
export function positionAt(text: string, offset: number): Position {
  const clamped = Math.max(0, Math.min(offset, text.length));
  const lineStarts = lineStartsOf(text);
  // The last line starting at or before `clamped`.
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= clamped) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: clamped - lineStarts[low]! + 1 };
}

/** Inverse of positionAt: the offset of a 1-based line/column in `text`. */
export function offsetAt(text: string, position: Position): number {
  const lineStart = position.line <= 1 ? 0 : lineStartsOf(text)[position.line - 1];
  if (lineStart === undefined) return text.length;
  return Math.min(text.length, lineStart + position.column - 1);
}
