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
const MAY_JOIN_CLASS =
  '[\\p{M}\\u200C\\u200D\\u0600-\\u0605\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u0D4E\\u0E33\\u0EB3\\u1100-\\u11FF\\u302E\\u302F\\uA960-\\uA97F\\uAC00-\\uD7FF\\uFF9E\\uFF9F\\uD800-\\uDFFF\\u{10000}-\\u{10FFFF}]';
// eslint-disable-next-line no-misleading-character-class -- joiners and marks are listed to match each on its own
const MAY_JOIN_RUN_AT = new RegExp(`${MAY_JOIN_CLASS}+`, 'uy');
/** No character below the first combining mark may join, so the costlier test runs only from there. */
const firstMayJoin = 0x300;

/** Cluster starts in `text.slice(from, to)`, a span without MAY_JOIN characters: every code unit, but inside CR LF (rule GB3). */
function simpleSpanStarts(text: string, from: number, to: number, starts: number[]): void {
  for (let start = from; start < to; start++) {
    starts.push(start);
    if (text.charCodeAt(start) === 0x0d && text.charCodeAt(start + 1) === 0x0a) start++;
  }
}

/** Cluster starts in `text.slice(from, to)` by ICU, where `from` and `to` are cluster boundaries. */
function segmentedSpanStarts(text: string, from: number, to: number, starts: number[]): void {
  let start = from;
  let length = windowLength;
  while (start < to) {
    let end = Math.min(to, start + length);
    // Never cut a surrogate pair: the boundary before the window's last code point must see it whole.
    if (end < to && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
    const window = Array.from(graphemeSegmenter.segment(text.slice(start, end)), ({ index }) => start + index);
    if (end === to) {
      for (const windowStart of window) starts.push(windowStart);
      return;
    }
    // The window starts on a boundary, so every cluster but its last is final; the last may
    // continue past the window and is segmented again with what follows.
    if (window.length === 1) {
      length *= 2; // one cluster fills the window (a huge stack of combining marks)
      continue;
    }
    for (let index = 0; index < window.length - 1; index++) starts.push(window[index]!);
    start = window.at(-1)!;
    length = windowLength;
  }
}

/**
 * Where each extended grapheme cluster of `text` starts (Unicode UAX #29, as ICU implements it),
 * in order; the last cluster ends at `text.length`.
 *
 * Segmenting costs ~10× more than the rest of an SMS analysis, so ICU sees only the runs of
 * MAY_JOIN characters, each with the character either side of it (the base a mark extends, what a
 * Prepend or a joiner joins): between two characters that cannot join there is always a boundary,
 * but inside CR LF, so such a span starts and ends on one.
 */
export function graphemeStarts(text: string): number[] {
  const starts: number[] = [];
  // The span for ICU being gathered, and how far the starts are already listed.
  let spanStart = 0;
  let spanEnd = 0;
  let done = 0;
  const flushSpan = () => {
    simpleSpanStarts(text, done, spanStart, starts);
    segmentedSpanStarts(text, spanStart, spanEnd, starts);
    done = spanEnd;
  };
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) < firstMayJoin) continue;
    MAY_JOIN_RUN_AT.lastIndex = index;
    const run = MAY_JOIN_RUN_AT.exec(text);
    if (!run) continue;
    const runEnd = index + run[0].length;
    let start = Math.max(0, index - 1);
    let end = Math.min(text.length, runEnd + 1);
    index = runEnd - 1;
    if (start > 0 && text.charCodeAt(start - 1) === 0x0d && text.charCodeAt(start) === 0x0a) start--;
    if (end < text.length && text.charCodeAt(end - 1) === 0x0d && text.charCodeAt(end) === 0x0a) end++;
    if (start > spanEnd) {
      flushSpan();
      spanStart = start;
    }
    spanEnd = end;
  }
  flushSpan();
  simpleSpanStarts(text, done, text.length, starts);
  return starts;
}

/** Splits `text` into extended grapheme clusters (see graphemeStarts). */
export function splitGraphemes(text: string): Grapheme[] {
  const starts = graphemeStarts(text);
  return starts.map((start, index) => ({ text: text.slice(start, starts[index + 1] ?? text.length), start }));
}
