import { describe, expect, it } from 'vitest';
import { analyzeSms, type SmsAnalysis, type SmsPart } from '../../src/sms/index.js';

// Expected values are worked out by hand from the published limits: GSM-7 160 septets in one
// segment, 153 per concatenated segment; UCS-2 70 code units, 67 per concatenated segment.

const UCS2_CHAR = 'Ж'; // Cyrillic, in the BMP (1 code unit) and not in GSM-7
const EMOJI = '😀'; // U+1F600: a surrogate pair, 2 code units
const FAMILY = '👨\u200D👩\u200D👧\u200D👦'; // one grapheme: 4 emoji + 3 ZWJ = 11 code units

function part(input: string, start: number, end: number, units: number): SmsPart {
  return { text: input.slice(start, end), start, end, units };
}

function expectPartsCoverInput(analysis: SmsAnalysis, input: string): void {
  expect(analysis.parts.map((p) => p.text).join('')).toBe(input);
  for (const p of analysis.parts) expect(input.slice(p.start, p.end)).toBe(p.text);
}

describe('analyzeSms: GSM-7 segment counts', () => {
  it.each([
    [1, 1],
    [160, 1],
    [161, 2],
    [306, 2],
    [307, 3],
    [459, 3],
    [460, 4],
  ])('%i digits → %i segment(s)', (length, segments) => {
    const analysis = analyzeSms('7'.repeat(length));
    expect(analysis.encoding).toBe('GSM-7');
    expect(analysis.segments).toBe(segments);
    expect(analysis.parts).toHaveLength(segments);
    expect(analysis.septets).toBe(length);
  });

  it('splits 161 characters into 153 + 8 septets', () => {
    const input = 'x'.repeat(161);
    expect(analyzeSms(input).parts).toEqual([part(input, 0, 153, 153), part(input, 153, 161, 8)]);
  });

  it('counts an extension character such as € as 2 septets', () => {
    expect(analyzeSms('€').septets).toBe(2);
    expect(analyzeSms('^{}\\[~]|€\f').septets).toBe(20);
    expect(analyzeSms('Total: 5€').septets).toBe(10);
  });

  it('fills one segment with 80 € (160 septets); the 81st needs a second', () => {
    expect(analyzeSms('€'.repeat(80)).segments).toBe(1);
    expect(analyzeSms('€'.repeat(81)).segments).toBe(2);
  });

  it('moves a { at position 153 to part 2 instead of splitting its escape pair', () => {
    // 152 'a' take septets 1–152; '{' needs 153–154, past the 153 of part 1.
    const input = `${'a'.repeat(152)}{${'b'.repeat(20)}`;
    const analysis = analyzeSms(input);
    expect(analysis.septets).toBe(174);
    expect(analysis.parts).toEqual([part(input, 0, 152, 152), part(input, 152, 173, 22)]);
    expect(analysis.parts[1]?.text.startsWith('{')).toBe(true);
  });

  it('moves a CR LF that would straddle septet 153 whole to part 2 (one grapheme, UAX #29 rule GB3)', () => {
    // 152 'a' take septets 1–152; CR LF needs 153–154, past the 153 of part 1.
    const input = `${'a'.repeat(152)}\r\n${'b'.repeat(10)}`;
    expect(analyzeSms(input).parts).toEqual([part(input, 0, 152, 152), part(input, 152, 164, 12)]);
  });

  it('keeps a { that ends exactly at septet 153 in part 1', () => {
    const input = `${'a'.repeat(151)}{${'b'.repeat(20)}`;
    expect(analyzeSms(input).parts).toEqual([part(input, 0, 152, 153), part(input, 152, 172, 20)]);
  });

  it('never splits escape pairs in a run of €: 76 per part (152 septets), not 76.5', () => {
    const input = '€'.repeat(81);
    expect(analyzeSms(input).parts).toEqual([part(input, 0, 76, 152), part(input, 76, 81, 10)]);
  });

  it('has septets === length for text made only of basic-table characters', () => {
    const basic = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
    for (const input of [basic, 'Your order #1234 has shipped. Track it at example.com/t/1234']) {
      const analysis = analyzeSms(input);
      expect(analysis.encoding).toBe('GSM-7');
      expect(analysis.septets).toBe(input.length);
      expect(analysis.ucs2Characters).toEqual([]);
    }
  });
});

describe('analyzeSms: UCS-2 segment counts', () => {
  it.each([
    [70, 1],
    [71, 2],
    [134, 2],
    [135, 3],
    [201, 3],
    [202, 4],
  ])('%i UCS-2 characters → %i segment(s)', (length, segments) => {
    const analysis = analyzeSms(UCS2_CHAR.repeat(length));
    expect(analysis.encoding).toBe('UCS-2');
    expect(analysis.segments).toBe(segments);
    expect(analysis.septets).toBeUndefined();
  });

  it('switches the whole message to UCS-2 for one emoji', () => {
    const input = `${'a'.repeat(100)}${EMOJI}`;
    const analysis = analyzeSms(input);
    expect(analysis.encoding).toBe('UCS-2');
    expect(analysis.codeUnits).toBe(102);
    expect(analysis.characters).toBe(101);
    expect(analysis.segments).toBe(2); // 67 + 35 code units
    expect(analysis.ucs2Characters).toEqual([{ char: EMOJI, offset: 100, codePoint: 0x1f600 }]);
  });

  it('fits an emoji at code units 69–70 in one segment', () => {
    const analysis = analyzeSms(`${'a'.repeat(68)}${EMOJI}`);
    expect(analysis.codeUnits).toBe(70);
    expect(analysis.segments).toBe(1);
  });

  it('needs a second segment for an emoji at code units 70–71', () => {
    const input = `${'a'.repeat(69)}${EMOJI}`;
    expect(analyzeSms(input).parts).toEqual([part(input, 0, 67, 67), part(input, 67, 71, 4)]);
  });

  it('moves an emoji straddling code units 67/68 whole to the next part', () => {
    const input = `${'a'.repeat(66)}${EMOJI}${'b'.repeat(10)}`;
    const analysis = analyzeSms(input);
    expect(analysis.parts).toEqual([part(input, 0, 66, 66), part(input, 66, 78, 12)]);
    expect(analysis.parts[1]?.text.startsWith(EMOJI)).toBe(true);
  });

  it('never splits surrogate pairs in a run of emoji: 33 per part (66 units), not 33.5', () => {
    const input = EMOJI.repeat(40);
    expect(analyzeSms(input).parts).toEqual([part(input, 0, 66, 66), part(input, 66, 80, 14)]);
  });

  it('treats the combining acute of "e\\u0301" as UCS-2, and suggests the GSM-7 é', () => {
    const analysis = analyzeSms('Cafe\u0301');
    expect(analysis.encoding).toBe('UCS-2');
    expect(analysis.characters).toBe(5);
    expect(analysis.codeUnits).toBe(5);
    expect(analysis.ucs2Characters).toEqual([{ char: 'e\u0301', offset: 3, codePoint: 0x301, replacement: '\u00e9' }]);
    expect(analyzeSms('Caf\u00e9').encoding).toBe('GSM-7');
  });
});

describe('analyzeSms: grapheme clusters stay in one part', () => {
  it('moves a family emoji (11 code units) that would straddle unit 67 whole', () => {
    // 60 'a' + family at units 61–71 + 10 'b' = 81 units.
    const input = `${'a'.repeat(60)}${FAMILY}${'b'.repeat(10)}`;
    expect(analyzeSms(input).parts).toEqual([part(input, 0, 60, 60), part(input, 60, 81, 21)]);
  });

  it('keeps a letter with its combining accent together', () => {
    const input = `${'a'.repeat(66)}e\u0301${'b'.repeat(10)}`;
    expect(analyzeSms(input).parts).toEqual([part(input, 0, 66, 66), part(input, 66, 78, 12)]);
  });

  it('keeps CR LF together in GSM-7', () => {
    const input = `${'a'.repeat(152)}\r\n${'b'.repeat(10)}`;
    expect(analyzeSms(input).parts).toEqual([part(input, 0, 152, 152), part(input, 152, 164, 12)]);
  });

  it('cuts a cluster bigger than a whole part between code points', () => {
    const input = `a${'\u0301'.repeat(100)}`; // one grapheme, 101 code units
    const analysis = analyzeSms(input);
    expect(analysis.parts).toEqual([part(input, 0, 67, 67), part(input, 67, 101, 34)]);
  });
});

describe('analyzeSms: parts and positions', () => {
  it('gives 0 segments and no parts for empty text', () => {
    expect(analyzeSms('')).toEqual({
      encoding: 'GSM-7',
      characters: 0,
      codeUnits: 0,
      septets: 0,
      segments: 0,
      parts: [],
      ucs2Characters: [],
    });
  });

  it('concatenates the parts back into the input', () => {
    const inputs = [
      'Hi',
      '7'.repeat(500),
      `${'a'.repeat(150)}{}[]€${'b'.repeat(300)}`,
      `${'Ж'.repeat(50)}${EMOJI.repeat(30)}${FAMILY.repeat(9)}e\u0301${'x'.repeat(200)}`,
      `Order ready ${EMOJI}\r\n`.repeat(40),
    ];
    for (const input of inputs) {
      const analysis = analyzeSms(input);
      expectPartsCoverInput(analysis, input);
      const limit = analysis.encoding === 'GSM-7' ? 153 : 67;
      if (analysis.segments > 1) for (const p of analysis.parts) expect(p.units).toBeLessThanOrEqual(limit);
    }
  });

  it('lists every character that forced UCS-2 with its UTF-16 offset and a replacement when there is one', () => {
    const input = `${EMOJI} It\u2019s \u201Cready\u201D \u2014 Ж`;
    expect(analyzeSms(input).ucs2Characters).toEqual([
      { char: EMOJI, offset: 0, codePoint: 0x1f600 },
      { char: '\u2019', offset: 5, codePoint: 0x2019, replacement: "'" },
      { char: '\u201C', offset: 8, codePoint: 0x201c, replacement: '"' },
      { char: '\u201D', offset: 14, codePoint: 0x201d, replacement: '"' },
      { char: '\u2014', offset: 16, codePoint: 0x2014, replacement: '-' },
      { char: 'Ж', offset: 18, codePoint: 0x416 },
    ]);
  });
});
