import { lookAlikeName } from './smart-encoding.js';

/** `U+2019`: a code point as Unicode writes it. */
function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A character (grapheme cluster) as messages quote it: `"’" (U+2019 RIGHT SINGLE QUOTATION
 * MARK)`, `"Д" (U+0414)`, `"é" (U+0065 U+0301)`. Look-alike characters carry their Unicode name,
 * since a quoted no-break space or curly quote cannot be told from its GSM-7 twin.
 */
export function describeCharacter(char: string): string {
  const name = lookAlikeName(char);
  const codePoints = [...char].map(codePointLabel).join(' ');
  return `"${char}" (${name === undefined ? codePoints : `${codePoints} ${name}`})`;
}
