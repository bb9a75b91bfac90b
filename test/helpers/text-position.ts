import { readFileSync } from 'node:fs';

/** A 1-based line and column, as diagnostics and editors give them. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * Where the `occurrence`-th `marker` starts in `text` (1-based line and column, columns in
 * UTF-16 units). Counted here by splitting lines, independently of src/diagnostics, so tests
 * can say "the diagnostic points at `nosuch`" without hard-coding numbers.
 */
export function positionOf(text: string, marker: string, occurrence = 1): TextPosition {
  let offset = -1;
  for (let found = 0; found < occurrence; found++) {
    offset = text.indexOf(marker, offset + 1);
    if (offset === -1) throw new Error(`"${marker}" occurs fewer than ${occurrence} time(s) in the text`);
  }
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

/** positionOf in a file, read as UTF-8 (a fixture, or a file a test wrote). */
export function positionInFile(file: string, marker: string, occurrence = 1): TextPosition {
  return positionOf(readFileSync(file, 'utf8'), marker, occurrence);
}
