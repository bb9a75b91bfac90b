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

/**
 * Characters that can join a neighbour into one cluster (UAX #29): marks (Extend, SpacingMark,
 * viramas), ZWNJ/ZWJ, the Prepend characters of the BMP, the letters with Grapheme_Extend or
 * SpacingMark outside the mark categories, Hangul jamo and syllables, and anything astral
 * (emoji modifiers, regional indicators, tags). Text with none of them is one cluster per
 * code unit, but for CR LF (test/sms/graphemes.test.ts checks this against ICU, code unit by code unit).
 */
const MAY_JOIN =
  // eslint-disable-next-line no-misleading-character-class -- joiners and marks are listed to match each on its own
  /[\p{M}\u200C\u200D\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u0D4E\u0E33\u0EB3\u1100-\u11FF\u302E\u302F\uA960-\uA97F\uAC00-\uD7FF\uFF9E\uFF9F\uD800-\uDFFF\u{10000}-\u{10FFFF}]/u;

/** Clusters of text without MAY_JOIN characters: every code unit, CR LF kept together (rule GB3). */
function splitSimpleText(text: string): Grapheme[] {
  const graphemes: Grapheme[] = [];
  for (let start = 0; start < text.length; start++) {
    const crlf = text.charCodeAt(start) === 0x0d && text.charCodeAt(start + 1) === 0x0a;
    graphemes.push({ text: crlf ? '\r\n' : text[start]!, start });
    if (crlf) start++;
  }
  return graphemes;
}

/** Splits `text` into extended grapheme clusters (Unicode UAX #29, as ICU implements it). */
export function splitGraphemes(text: string): Grapheme[] {
  // Segmenting costs ~10× more than the rest of an SMS analysis; most texts need none of it.
  if (!MAY_JOIN.test(text)) return splitSimpleText(text);
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
