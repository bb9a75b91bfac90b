/**
 * The GSM 03.38 (3GPP TS 23.038) default alphabet, as SMS gateways apply it.
 *
 * The basic table holds 128 septet values; 0x1B is not a character but the escape to the
 * extension table, so a text can use 127 basic characters at 1 septet each. Extension
 * characters are sent as ESC + char and cost 2 septets.
 */

/** Septet value of the escape to the extension table. */
export const GSM7_ESCAPE = 0x1b;

/** The basic table in septet order: `GSM7_BASIC_TABLE[septet]` is the character (16 per row). */
export const GSM7_BASIC_TABLE: string =
  '@£$¥èéùìòÇ\nØø\rÅå' + // 0x00
  'Δ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ' + // 0x10 (Greek capitals; 0x1B = ESC)
  ' !"#¤%&\'()*+,-./' + // 0x20 (0x24 is ¤, not $)
  '0123456789:;<=>?' + // 0x30
  '¡ABCDEFGHIJKLMNO' + // 0x40
  'PQRSTUVWXYZÄÖÑÜ§' + // 0x50
  '¿abcdefghijklmno' + // 0x60
  'pqrstuvwxyzäöñüà'; // 0x70

/** The 127 characters of the basic table that cost 1 septet (the escape is not one of them). */
export const GSM7_BASIC_CHARS: ReadonlySet<string> = new Set([...GSM7_BASIC_TABLE].filter((char) => char.charCodeAt(0) !== GSM7_ESCAPE));

/**
 * The extension table characters that cost 2 septets (ESC + char), with their septet values:
 * form feed 0x0A, ^ 0x14, { 0x28, } 0x29, \ 0x2F, [ 0x3C, ~ 0x3D, ] 0x3E, | 0x40, € 0x65.
 */
export const GSM7_EXTENSION_CHARS: ReadonlySet<string> = new Set(['\f', '^', '{', '}', '\\', '[', '~', ']', '|', '€']);

/**
 * Septets per UTF-16 code unit, 0 where GSM-7 cannot carry it: every GSM-7 character is one BMP
 * code unit (the highest is € U+20AC), so a text can be costed without splitting it into code points.
 */
export const GSM7_SEPTETS_BY_CODE_UNIT: Readonly<Uint8Array> = (() => {
  const table = new Uint8Array(0x20ad);
  for (const char of GSM7_BASIC_CHARS) table[char.charCodeAt(0)] = 1;
  for (const char of GSM7_EXTENSION_CHARS) table[char.charCodeAt(0)] = 2;
  return table;
})();

/** Septets one character (one code point) costs in GSM-7, or `undefined` when GSM-7 cannot carry it. */
export function septetsFor(char: string): 1 | 2 | undefined {
  if (GSM7_BASIC_CHARS.has(char)) return 1;
  if (GSM7_EXTENSION_CHARS.has(char)) return 2;
  return undefined;
}

/** Whether GSM-7 can carry the character (one code point). */
export function isGsm7Char(char: string): boolean {
  return septetsFor(char) !== undefined;
}

/** Whether GSM-7 can carry every character of `text` (true for empty text). */
export function isGsm7Text(text: string): boolean {
  return gsm7Septets(text) !== undefined;
}

/** Septets `text` costs in GSM-7, or `undefined` when GSM-7 cannot carry one of its characters. */
export function gsm7Septets(text: string): number | undefined {
  let septets = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const cost = code < GSM7_SEPTETS_BY_CODE_UNIT.length ? GSM7_SEPTETS_BY_CODE_UNIT[code]! : 0;
    if (cost === 0) return undefined;
    septets += cost;
  }
  return septets;
}
