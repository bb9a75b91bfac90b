import { positionAt } from '../diagnostics/index.js';

/** A 1-based position in a named file. */
export interface FileLocation {
  file: string;
  line: number;
  column: number;
}

/** A run of assembled text and where it came from. */
export interface SourcePiece {
  text: string;
  file: string;
  /** The whole text of `file`, to turn offsets into lines and columns. */
  fileText: string;
  /** Offset in `file` of the piece's first character. */
  fileOffset: number;
  /** Text txkit wrote (e.g. an `<mj-raw>` around an HTML include): every offset maps to `fileOffset`. */
  synthetic?: boolean;
}

/**
 * Text assembled from pieces of several files (an MJML body with its partials inlined), able
 * to say which file, line and column any offset of the assembled text came from.
 */
export class SourceMap {
  readonly text: string;
  readonly #pieces: readonly SourcePiece[];
  readonly #starts: number[] = [];

  /** `file` is the main file: offsets of an empty text point at its start. */
  constructor(
    pieces: readonly SourcePiece[],
    readonly file: string,
  ) {
    this.#pieces = pieces.filter((piece) => piece.text.length > 0);
    let offset = 0;
    for (const piece of this.#pieces) {
      this.#starts.push(offset);
      offset += piece.text.length;
    }
    this.text = this.#pieces.map((piece) => piece.text).join('');
  }

  /** Index of the piece holding `offset` (the last piece for offsets at the very end). */
  #pieceAt(offset: number): number {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.#starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  locate(offset: number): FileLocation {
    if (this.#pieces.length === 0) return { file: this.file, line: 1, column: 1 };
    const index = this.#pieceAt(offset);
    const piece = this.#pieces[index]!;
    const within = piece.synthetic ? 0 : Math.min(offset - this.#starts[index]!, piece.text.length);
    return { file: piece.file, ...positionAt(piece.fileText, piece.fileOffset + within) };
  }
}
