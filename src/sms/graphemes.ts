/** A user-perceived character (extended grapheme cluster) and its UTF-16 offset in the text. */
export interface Grapheme {
  text: string;
  start: number;
}

// Grapheme boundaries do not depend on the locale; one segmenter serves every call.
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Code units segmented at a time. Iterating Intl.Segmenter over one long string costs time
 * proportional to the string per step in Node 20 (160 000 characters took ~45 s), so long
 * texts are segmented window by window.
 */
const windowLength = 2048;

/** Splits `text` into extended grapheme clusters (Unicode UAX #29, as ICU implements it). */
export function splitGraphemes(text: string): Grapheme[] {
  const graphemes: Grapheme[] = [];
  let start = 0;
  let length = windowLength;
  while (start < text.length) {
    let end = Math.min(text.length, start + length);
    // Never cut a surrogate pair: the boundary before the window's last code point must see it whole.
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
    const window = Array.from(graphemeSegmenter.segment(text.slice(start, end)), ({ segment, index }) => ({ text: segment, start: start + index }));
    if (end === text.length) return graphemes.concat(window);
    // The window starts on a boundary, so every cluster but its last is final; the last may
    // continue past the window and is segmented again with what follows.
    if (window.length === 1) {
      length *= 2; // one cluster fills the window (a huge stack of combining marks)
      continue;
    }
    for (let index = 0; index < window.length - 1; index++) graphemes.push(window[index]!);
    start = window.at(-1)!.start;
    length = windowLength;
  }
  return graphemes;
}
