import { describe, expect, it } from 'vitest';
import { GSM7_BASIC_CHARS, GSM7_BASIC_TABLE, GSM7_ESCAPE, GSM7_EXTENSION_CHARS, isGsm7Text, septetsFor } from '../../src/sms/index.js';

// Expected values come from the 3GPP TS 23.038 (GSM 03.38) tables, written out here by
// code point so that a look-alike character in the source cannot pass unnoticed.
describe('GSM 03.38 basic table', () => {
  it('has 128 positions with the escape at 0x1B', () => {
    expect([...GSM7_BASIC_TABLE]).toHaveLength(128);
    expect(GSM7_ESCAPE).toBe(0x1b);
    expect(GSM7_BASIC_TABLE.codePointAt(0x1b)).toBe(0x1b);
  });

  it('holds 127 distinct characters, the escape not being one', () => {
    expect(GSM7_BASIC_CHARS.size).toBe(127);
    expect(GSM7_BASIC_CHARS.has('\u001b')).toBe(false);
  });

  it('places the non-ASCII characters at their standard septet values', () => {
    const expected: Array<[number, number]> = [
      [0x00, 0x40], // @
      [0x01, 0xa3], // £
      [0x02, 0x24], // $
      [0x03, 0xa5], // ¥
      [0x04, 0xe8], // è
      [0x05, 0xe9], // é
      [0x06, 0xf9], // ù
      [0x07, 0xec], // ì
      [0x08, 0xf2], // ò
      [0x09, 0xc7], // Ç
      [0x0a, 0x0a], // LF
      [0x0b, 0xd8], // Ø
      [0x0c, 0xf8], // ø
      [0x0d, 0x0d], // CR
      [0x0e, 0xc5], // Å
      [0x0f, 0xe5], // å
      [0x10, 0x394], // Δ
      [0x11, 0x5f], // _
      [0x12, 0x3a6], // Φ
      [0x13, 0x393], // Γ
      [0x14, 0x39b], // Λ
      [0x15, 0x3a9], // Ω
      [0x16, 0x3a0], // Π
      [0x17, 0x3a8], // Ψ
      [0x18, 0x3a3], // Σ
      [0x19, 0x398], // Θ
      [0x1a, 0x39e], // Ξ
      [0x1c, 0xc6], // Æ
      [0x1d, 0xe6], // æ
      [0x1e, 0xdf], // ß
      [0x1f, 0xc9], // É
      [0x24, 0xa4], // ¤
      [0x40, 0xa1], // ¡
      [0x5b, 0xc4], // Ä
      [0x5c, 0xd6], // Ö
      [0x5d, 0xd1], // Ñ
      [0x5e, 0xdc], // Ü
      [0x5f, 0xa7], // §
      [0x60, 0xbf], // ¿
      [0x7b, 0xe4], // ä
      [0x7c, 0xf6], // ö
      [0x7d, 0xf1], // ñ
      [0x7e, 0xfc], // ü
      [0x7f, 0xe0], // à
    ];
    for (const [septet, codePoint] of expected) {
      expect(GSM7_BASIC_TABLE.codePointAt(septet), `septet 0x${septet.toString(16)}`).toBe(codePoint);
    }
  });

  it('matches ASCII for space, punctuation except @ $ _, digits and letters', () => {
    const asciiPositions = [...range(0x20, 0x23), ...range(0x25, 0x3f), ...range(0x41, 0x5a), ...range(0x61, 0x7a)];
    for (const septet of asciiPositions) {
      expect(GSM7_BASIC_TABLE.codePointAt(septet), `septet 0x${septet.toString(16)}`).toBe(septet);
    }
  });
});

describe('GSM 03.38 extension table', () => {
  it('holds form feed and ^ { } \\ [ ~ ] | €', () => {
    expect([...GSM7_EXTENSION_CHARS].sort()).toEqual(['\f', '^', '{', '}', '\\', '[', '~', ']', '|', '€'].sort());
  });
});

describe('septetsFor', () => {
  it('costs 1 septet for basic characters and 2 for extension characters', () => {
    expect(septetsFor('a')).toBe(1);
    expect(septetsFor('@')).toBe(1);
    expect(septetsFor('Ç')).toBe(1);
    expect(septetsFor('\n')).toBe(1);
    expect(septetsFor('€')).toBe(2);
    expect(septetsFor('{')).toBe(2);
    expect(septetsFor('\f')).toBe(2);
  });

  it('has no cost for characters GSM-7 cannot carry', () => {
    expect(septetsFor('`')).toBeUndefined(); // ASCII, but not in GSM 03.38
    expect(septetsFor('ç')).toBeUndefined(); // only the capital Ç is in the table
    expect(septetsFor('á')).toBeUndefined();
    expect(septetsFor('\u2019')).toBeUndefined();
    expect(septetsFor('\u001b')).toBeUndefined();
    expect(septetsFor('😀')).toBeUndefined();
  });

  it('carries all printable ASCII except the grave accent, the nine extension ones at 2 septets', () => {
    const extension = new Set('^{}\\[~]|');
    for (const codePoint of range(0x20, 0x7e)) {
      const char = String.fromCodePoint(codePoint);
      const expected = char === '`' ? undefined : extension.has(char) ? 2 : 1;
      expect(septetsFor(char), JSON.stringify(char)).toBe(expected);
    }
  });
});

describe('isGsm7Text', () => {
  it('accepts the empty text and text made of table characters only', () => {
    expect(isGsm7Text('')).toBe(true);
    expect(isGsm7Text('Your code is 1234. Reply STOP to opt out {€5}')).toBe(true);
    expect(isGsm7Text('It’s here')).toBe(false);
  });
});

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}
