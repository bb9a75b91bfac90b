import { describe, expect, it } from 'vitest';
import { analyzeSms, applySmartEncoding, gsmReplacementFor } from '../../src/sms/index.js';

describe('gsmReplacementFor', () => {
  it.each([
    ['\u2018', "'"], // ‘ left single quote
    ['\u2019', "'"], // ’ right single quote / apostrophe
    ['\u201A', "'"], // ‚ low single quote
    ['\u2032', "'"], // ′ prime
    ['`', "'"], // grave accent: ASCII, not GSM-7
    ['\u201C', '"'], // “
    ['\u201D', '"'], // ”
    ['\u201E', '"'], // „
    ['\u00AB', '"'], // «
    ['\u00BB', '"'], // »
    ['\u2013', '-'], // – en dash
    ['\u2014', '-'], // — em dash
    ['\u2212', '-'], // − minus sign
    ['\u2010', '-'], // ‐ hyphen
    ['\u2011', '-'], // non-breaking hyphen
    ['\u2026', '...'], // … ellipsis
    ['\u2022', '-'], // • bullet
    ['\u00BD', '1/2'], // ½
    ['\u00BC', '1/4'], // ¼
    ['\u00BE', '3/4'], // ¾
    ['\u00A0', ' '], // no-break space
    ['\u2009', ' '], // thin space
    ['\u202F', ' '], // narrow no-break space
    ['\u3000', ' '], // ideographic space
    ['\t', ' '],
    ['\u200B', ''], // zero-width space
    ['\u2060', ''], // word joiner
    ['\uFEFF', ''], // byte order mark
    ['\u00AD', ''], // soft hyphen
  ])('maps %j to %j', (char, replacement) => {
    expect(gsmReplacementFor(char)).toBe(replacement);
  });

  it.each([
    ['á', 'a'],
    ['í', 'i'],
    ['ó', 'o'],
    ['ú', 'u'],
    ['ç', 'c'],
    ['ê', 'e'],
    ['â', 'a'],
    ['ô', 'o'],
    ['ã', 'a'],
    ['õ', 'o'],
    ['ë', 'e'],
    ['ï', 'i'],
    ['À', 'A'],
    ['È', 'E'],
    ['Ó', 'O'],
    ['ş', 's'],
    ['ř', 'r'],
    ['ł', 'l'],
    ['œ', 'oe'],
  ])('folds the accented letter %j to %j', (char, replacement) => {
    expect(gsmReplacementFor(char)).toBe(replacement);
  });

  it('leaves characters that are GSM-7 already alone', () => {
    for (const char of ['é', 'è', 'ù', 'ì', 'ò', 'Ç', 'à', 'Ä', 'ñ', 'a', '€', '{']) {
      expect(gsmReplacementFor(char), char).toBeUndefined();
    }
  });

  it('composes a decomposed letter to its GSM-7 form rather than dropping the accent', () => {
    expect(gsmReplacementFor('e\u0301')).toBe('\u00e9');
    expect(gsmReplacementFor('a\u0301')).toBe('a');
  });

  it('has nothing for emoji, non-Latin scripts or spacing accents', () => {
    for (const char of ['😀', '👨\u200D👩\u200D👧', 'Ж', '中', '\u00A8']) {
      expect(gsmReplacementFor(char), char).toBeUndefined();
    }
  });
});

describe('applySmartEncoding', () => {
  it('turns typographic text into GSM-7 text', () => {
    const input =
      '\u201CIt\u2019s ready\u201D \u2014 pick\u2011up 9\u201311am\u2026\u00A0Jos\u00E9 Mar\u00EDa, cr\u00E8me br\u00FBl\u00E9e \u2022 \u00BD price\u200B!';
    const result = applySmartEncoding(input);
    expect(result).toBe('"It\'s ready" - pick-up 9-11am... José Maria, crème brulée - 1/2 price!');
    expect(analyzeSms(input).encoding).toBe('UCS-2');
    expect(analyzeSms(result).encoding).toBe('GSM-7');
  });

  it('keeps GSM-7 text unchanged', () => {
    const input = 'Your code is 1234. {€5 off} Ça va? Ñandu, Øresund, Straße.\r\n';
    expect(applySmartEncoding(input)).toBe(input);
  });

  it('keeps characters without a look-alike intact, emoji sequences included', () => {
    const family = '👨\u200D👩\u200D👧';
    expect(applySmartEncoding(`Hi ${family} \u2014 \u041F\u0440\u0438\u0432\u0435\u0442`)).toBe(`Hi ${family} - \u041F\u0440\u0438\u0432\u0435\u0442`);
  });

  it('composes e + combining acute into the GSM-7 é', () => {
    expect(applySmartEncoding('Cafe\u0301')).toBe('Caf\u00E9');
  });
});
