import { BoundedCache } from '../cache/bounded-cache.js';
import { isGsm7Char, isGsm7Text } from './gsm7.js';
import { splitGraphemes } from './graphemes.js';

/**
 * Typographic characters that force UCS-2 for no visible reason, with their GSM-7
 * look-alikes and Unicode names. An empty replacement means "remove": the character is
 * invisible. The names go into messages, because many of these characters cannot be told
 * from their look-alike (or seen at all) when quoted.
 */
const LOOK_ALIKE_TABLE: readonly (readonly [char: string, replacement: string, name: string])[] = [
  // Single quotes, apostrophes, primes; the grave accent is ASCII but not GSM-7.
  ['\u2018', "'", 'LEFT SINGLE QUOTATION MARK'],
  ['\u2019', "'", 'RIGHT SINGLE QUOTATION MARK'],
  ['\u201A', "'", 'SINGLE LOW-9 QUOTATION MARK'],
  ['\u201B', "'", 'SINGLE HIGH-REVERSED-9 QUOTATION MARK'],
  ['\u2032', "'", 'PRIME'],
  ['\u2039', "'", 'SINGLE LEFT-POINTING ANGLE QUOTATION MARK'],
  ['\u203A', "'", 'SINGLE RIGHT-POINTING ANGLE QUOTATION MARK'],
  ['`', "'", 'GRAVE ACCENT'],
  ['\u00B4', "'", 'ACUTE ACCENT'],
  // Double quotes and guillemets.
  ['\u201C', '"', 'LEFT DOUBLE QUOTATION MARK'],
  ['\u201D', '"', 'RIGHT DOUBLE QUOTATION MARK'],
  ['\u201E', '"', 'DOUBLE LOW-9 QUOTATION MARK'],
  ['\u201F', '"', 'DOUBLE HIGH-REVERSED-9 QUOTATION MARK'],
  ['\u2033', '"', 'DOUBLE PRIME'],
  ['\u00AB', '"', 'LEFT-POINTING DOUBLE ANGLE QUOTATION MARK'],
  ['\u00BB', '"', 'RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK'],
  // Hyphens, dashes and the minus sign.
  ['\u2010', '-', 'HYPHEN'],
  ['\u2011', '-', 'NON-BREAKING HYPHEN'],
  ['\u2012', '-', 'FIGURE DASH'],
  ['\u2013', '-', 'EN DASH'],
  ['\u2014', '-', 'EM DASH'],
  ['\u2015', '-', 'HORIZONTAL BAR'],
  ['\u2212', '-', 'MINUS SIGN'],
  // Ellipsis, bullets, fractions, multiplication sign.
  ['\u2026', '...', 'HORIZONTAL ELLIPSIS'],
  ['\u2022', '-', 'BULLET'],
  ['\u2023', '-', 'TRIANGULAR BULLET'],
  ['\u2043', '-', 'HYPHEN BULLET'],
  ['\u25E6', '-', 'WHITE BULLET'],
  ['\u00BC', '1/4', 'VULGAR FRACTION ONE QUARTER'],
  ['\u00BD', '1/2', 'VULGAR FRACTION ONE HALF'],
  ['\u00BE', '3/4', 'VULGAR FRACTION THREE QUARTERS'],
  ['\u2044', '/', 'FRACTION SLASH'],
  ['\u00D7', 'x', 'MULTIPLICATION SIGN'],
  // Spaces: tab, no-break, the typographic widths, ideographic.
  ['\t', ' ', 'CHARACTER TABULATION'],
  ['\u00A0', ' ', 'NO-BREAK SPACE'],
  ['\u2000', ' ', 'EN QUAD'],
  ['\u2001', ' ', 'EM QUAD'],
  ['\u2002', ' ', 'EN SPACE'],
  ['\u2003', ' ', 'EM SPACE'],
  ['\u2004', ' ', 'THREE-PER-EM SPACE'],
  ['\u2005', ' ', 'FOUR-PER-EM SPACE'],
  ['\u2006', ' ', 'SIX-PER-EM SPACE'],
  ['\u2007', ' ', 'FIGURE SPACE'],
  ['\u2008', ' ', 'PUNCTUATION SPACE'],
  ['\u2009', ' ', 'THIN SPACE'],
  ['\u200A', ' ', 'HAIR SPACE'],
  ['\u202F', ' ', 'NARROW NO-BREAK SPACE'],
  ['\u205F', ' ', 'MEDIUM MATHEMATICAL SPACE'],
  ['\u3000', ' ', 'IDEOGRAPHIC SPACE'],
  ['\u2028', '\n', 'LINE SEPARATOR'],
  ['\u2029', '\n', 'PARAGRAPH SEPARATOR'],
  // Invisible characters: zero-width space / non-joiner / joiner, word joiner, BOM, soft hyphen.
  ['\u200B', '', 'ZERO WIDTH SPACE'],
  ['\u200C', '', 'ZERO WIDTH NON-JOINER'],
  ['\u200D', '', 'ZERO WIDTH JOINER'],
  ['\u2060', '', 'WORD JOINER'],
  ['\uFEFF', '', 'ZERO WIDTH NO-BREAK SPACE'],
  ['\u00AD', '', 'SOFT HYPHEN'],
  // Latin letters with no canonical decomposition to a base letter.
  ['ł', 'l', 'LATIN SMALL LETTER L WITH STROKE'],
  ['Ł', 'L', 'LATIN CAPITAL LETTER L WITH STROKE'],
  ['đ', 'd', 'LATIN SMALL LETTER D WITH STROKE'],
  ['Đ', 'D', 'LATIN CAPITAL LETTER D WITH STROKE'],
  ['ı', 'i', 'LATIN SMALL LETTER DOTLESS I'],
  ['œ', 'oe', 'LATIN SMALL LIGATURE OE'],
  ['Œ', 'OE', 'LATIN CAPITAL LIGATURE OE'],
];

const LOOK_ALIKES: ReadonlyMap<string, { replacement: string; name: string }> = new Map(
  LOOK_ALIKE_TABLE.map(([char, replacement, name]) => [char, { replacement, name }]),
);

const COMBINING_DIACRITIC = /^[\u0300-\u036F]$/u;
const COMBINING_DIACRITICS = /[\u0300-\u036F]/gu;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * A letter or digit folded to its compatibility base form without diacritics (á → a, ê → e,
 * ç → c, ﬁ → fi, ² → 2), when that base form is GSM-7. Punctuation is left to LOOK_ALIKES:
 * folding a spacing accent such as ¨ would leave a bare space.
 */
function foldToBaseForm(char: string): string | undefined {
  if (!LETTER_OR_DIGIT.test(char)) return undefined;
  const folded = char.normalize('NFKD').replace(COMBINING_DIACRITICS, '');
  return folded !== '' && isGsm7Text(folded) ? folded : undefined;
}

function replacementForCodePoint(char: string): string | undefined {
  if (isGsm7Char(char)) return char;
  const lookAlike = LOOK_ALIKES.get(char);
  if (lookAlike !== undefined) return lookAlike.replacement;
  // A stray combining accent (one NFC could not compose into a GSM-7 letter) is dropped.
  if (COMBINING_DIACRITIC.test(char)) return '';
  return foldToBaseForm(char);
}

/**
 * The GSM-7 text to write instead of `char`, a user-perceived character (one grapheme
 * cluster, such as "’", "á", "e\u0301" or "👍🏽"). Returns `undefined` when `char` is GSM-7
 * already or when no part of GSM-7 looks like it; `''` means "remove it" (invisible chars).
 *
 * The cluster is composed (NFC) first, so a decomposed "e\u0301" becomes the GSM-7 "é"
 * rather than losing its accent. A cluster is replaced whole or not at all: dropping the
 * zero-width joiners of an emoji sequence would not make it GSM-7, only break it apart.
 */
export function gsmReplacementFor(char: string): string | undefined {
  if (isGsm7Text(char)) return undefined;
  const known = knownReplacements.get(char);
  if (known !== undefined) return known ?? undefined;
  const replacement = replacementForCluster(char);
  knownReplacements.set(char, replacement ?? null);
  return replacement;
}

// Texts repeat the same few characters outside GSM-7 (a name, curly quotes): each is worked out
// once (null: none). Bounded, as a long text of distinct characters must not grow it forever.
const knownReplacements = new BoundedCache<string, string | null>(4096);

function replacementForCluster(char: string): string | undefined {
  let replacement = '';
  for (const codePoint of char.normalize('NFC')) {
    const mapped = replacementForCodePoint(codePoint);
    if (mapped === undefined) return undefined;
    replacement += mapped;
  }
  return replacement;
}

/**
 * `text` with every character that has a GSM-7 look-alike replaced by it. Characters without
 * one (emoji, most non-Latin scripts) are kept, so the result may still need UCS-2.
 */
export function applySmartEncoding(text: string): string {
  if (isGsm7Text(text)) return text; // the common case, without segmenting the text
  let result = '';
  for (const grapheme of splitGraphemes(text)) result += gsmReplacementFor(grapheme.text) ?? grapheme.text;
  return result;
}

/** The Unicode name of a character that has a typographic look-alike ("NO-BREAK SPACE"), else `undefined`. */
export function lookAlikeName(char: string): string | undefined {
  return LOOK_ALIKES.get(char)?.name;
}
