import { describe, expect, it } from 'vitest';
import { splitGraphemes } from '../../src/sms/graphemes.js';

// The oracle is ICU's implementation of UAX #29 (extended grapheme clusters), used directly:
// splitGraphemes skips it for text whose characters cannot join, and must still agree with it.
const icu = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const icuGraphemes = (text: string) => Array.from(icu.segment(text), ({ segment, index }) => ({ text: segment, start: index }));

describe('splitGraphemes', () => {
  it('agrees with ICU for every BMP character before and after a letter, and doubled', () => {
    const disagreements: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue; // lone surrogates: below
      const char = String.fromCharCode(code);
      for (const text of [`a${char}`, `${char}a`, `${char}${char}`]) {
        if (JSON.stringify(splitGraphemes(text)) !== JSON.stringify(icuGraphemes(text)))
          disagreements.push(`U+${code.toString(16).padStart(4, '0')} in ${JSON.stringify(text)}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('keeps CR LF together (UAX #29 rule GB3) and every other control apart', () => {
    expect(splitGraphemes('a\r\nb')).toEqual([
      { text: 'a', start: 0 },
      { text: '\r\n', start: 1 },
      { text: 'b', start: 3 },
    ]);
    expect(splitGraphemes('\r\r\n\n\r')).toEqual([
      { text: '\r', start: 0 },
      { text: '\r\n', start: 1 },
      { text: '\n', start: 3 },
      { text: '\r', start: 4 },
    ]);
  });

  it('keeps surrogate pairs, emoji sequences and combining marks whole', () => {
    const inputs = ['Hi 😀!', 'Жe\u0301', '👍🏽 ok', '🇫🇷🇩🇪', '👨\u200D👩\u200D👧', 'x\uD800y', '각각'];
    for (const input of inputs) expect(splitGraphemes(input)).toEqual(icuGraphemes(input));
  });

  it('agrees with ICU on mixed text, where only the runs that may join are segmented by ICU', () => {
    // Characters that join (marks, joiners, Prepend, Hangul, emoji, regional indicators) next to
    // ones that do not, CR and LF at the edges of the runs; a seeded generator, so a failure repeats.
    const alphabet = [
      'a',
      'é',
      ' ',
      '\r',
      '\n',
      '\u0301',
      '\u0323',
      '\u200D',
      '\u200C',
      '\u0600',
      '☺',
      '❤',
      '\uFE0F',
      '👍',
      '🏽',
      '🇫',
      '🇷',
      'ᄀ',
      'ᅡ',
      'ᆨ',
      '각',
      'क',
      '\u094D',
      'ष',
      'Ж',
      '\uD800',
    ];
    let seed = 16;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % alphabet.length;
    const disagreements: string[] = [];
    for (let sample = 0; sample < 2000; sample++) {
      const text = Array.from({ length: 1 + (sample % 40) }, () => alphabet[next()]).join('');
      if (JSON.stringify(splitGraphemes(text)) !== JSON.stringify(icuGraphemes(text))) disagreements.push(JSON.stringify(text));
    }
    expect(disagreements).toEqual([]);
  });

  it('segments a long text with a few accents like ICU', () => {
    const text = `${'Olúwádámilọ́lá, your order has shipped. '.repeat(300)}\r\n👨\u200D👩\u200D👧`;
    expect(splitGraphemes(text)).toEqual(icuGraphemes(text));
  });
});
