/** A user-perceived character (extended grapheme cluster) and its UTF-16 offset in the text. */
export interface Grapheme {
  text: string;
  start: number;
}

// Grapheme boundaries do not depend on the locale; one segmenter serves every call.
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Splits `text` into extended grapheme clusters (Unicode UAX #29, as ICU implements it). */
export function splitGraphemes(text: string): Grapheme[] {
  return Array.from(graphemeSegmenter.segment(text), ({ segment, index }) => ({
    text: segment,
    start: index,
  }));
}
