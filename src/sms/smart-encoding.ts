import { isGsm7Char, isGsm7Text } from './gsm7.js';
import { splitGraphemes } from './graphemes.js';

/**
 * Typographic characters that force UCS-2 for no visible reason, with their GSM-7
 * look-alikes. An empty replacement means "remove": the character is invisible.
 */
const LOOK_ALIKES: ReadonlyMap<string, string> = new Map([
  // Single quotes, apostrophes, primes; the grave accent is ASCII but not GSM-7.
  ['\u2018', "'"], // ‘
  ['\u2019', "'"], // ’
  ['\u201A', "'"], // ‚
  ['\u201B', "'"], // ‛
  ['\u2032', "'"], // ′
  ['\u2039', "'"], // ‹
  ['\u203A', "'"], // ›
  ['`', "'"],
  ['\u00B4', "'"], // ´
  // Double quotes and guillemets.
  ['\u201C', '"'], // “
  ['\u201D', '"'], // ”
  ['\u201E', '"'], // „
  ['\u201F', '"'], // ‟
  ['\u2033', '"'], // ″
  ['\u00AB', '"'], // «
  ['\u00BB', '"'], // »
  // Hyphens, dashes and the minus sign.
  ['\u2010', '-'], // hyphen
  ['\u2011', '-'], // non-breaking hyphen
  ['\u2012', '-'], // figure dash
  ['\u2013', '-'], // – en dash
  ['\u2014', '-'], // — em dash
  ['\u2015', '-'], // ― horizontal bar
  ['\u2212', '-'], // − minus sign
  // Ellipsis, bullets, fractions, multiplication sign.
  ['\u2026', '...'], // …
  ['\u2022', '-'], // •
  ['\u2023', '-'], // ‣
  ['\u2043', '-'], // ⁃
  ['\u25E6', '-'], // ◦
  ['\u00BC', '1/4'], // ¼
  ['\u00BD', '1/2'], // ½
  ['\u00BE', '3/4'], // ¾
  ['\u2044', '/'], // ⁄ fraction slash
  ['\u00D7', 'x'], // ×
  // Spaces: tab, no-break, the typographic widths, ideographic.
  ['\t', ' '],
  ['\u00A0', ' '],
  ['\u2000', ' '],
  ['\u2001', ' '],
  ['\u2002', ' '],
  ['\u2003', ' '],
  ['\u2004', ' '],
  ['\u2005', ' '],
  ['\u2006', ' '],
  ['\u2007', ' '],
  ['\u2008', ' '],
  ['\u2009', ' '],
  ['\u200A', ' '],
  ['\u202F', ' '],
  ['\u205F', ' '],
  ['\u3000', ' '],
  ['\u2028', '\n'], // line separator
  ['\u2029', '\n'], // paragraph separator
  // Invisible characters: zero-width space / non-joiner / joiner, word joiner, BOM, soft hyphen.
  ['\u200B', ''],
  ['\u200C', ''],
  ['\u200D', ''],
  ['\u2060', ''],
  ['\uFEFF', ''],
  ['\u00AD', ''],
  // Latin letters with no canonical decomposition to a base letter.
  ['ł', 'l'],
  ['Ł', 'L'],
  ['đ', 'd'],
  ['Đ', 'D'],
  ['ı', 'i'],
  ['œ', 'oe'],
  ['Œ', 'OE'],
]);

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
  if (lookAlike !== undefined) return lookAlike;
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
  let result = '';
  for (const grapheme of splitGraphemes(text)) result += gsmReplacementFor(grapheme.text) ?? grapheme.text;
  return result;
}
