import { gsm7Septets, GSM7_SEPTETS_BY_CODE_UNIT, septetsFor } from './gsm7.js';
import { splitGraphemes, type Grapheme } from './graphemes.js';
import { gsmReplacementFor } from './smart-encoding.js';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

/** How many units one segment holds: septets for GSM-7, UTF-16 code units for UCS-2. */
export interface SegmentLimits {
  /** A message that fits in one segment. */
  single: number;
  /** Each segment of a longer message: the concatenation header (UDH) takes the rest. */
  concatenated: number;
}

export const SEGMENT_LIMITS: Readonly<Record<SmsEncoding, SegmentLimits>> = {
  'GSM-7': { single: 160, concatenated: 153 },
  'UCS-2': { single: 70, concatenated: 67 },
};

/** One segment of the message as it will be sent. */
export interface SmsPart {
  /** `input.slice(start, end)`. */
  text: string;
  /** UTF-16 offset of the part's first code unit in the input. */
  start: number;
  /** UTF-16 offset just past the part's last code unit. */
  end: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the part uses. */
  units: number;
}

/** A character that GSM-7 cannot carry, which forces the whole message to UCS-2. */
export interface Ucs2Character {
  /** The user-perceived character (grapheme cluster) as written; may be several code points. */
  char: string;
  /** UTF-16 offset of `char` in the text. */
  offset: number;
  /** The first code point of `char` outside GSM-7, e.g. 0x2019 for "’", 0x301 for "e\u0301". */
  codePoint: number;
  /** GSM-7 text to write instead of `char` (`''`: remove it); absent when there is none. */
  replacement?: string;
}

interface SmsAnalysisCommon {
  /** Code points, so an emoji counts 1 and "e\u0301" counts 2 (see analyzeSms). */
  characters: number;
  /** UTF-16 code units (`text.length`). */
  codeUnits: number;
  /** Segments billed: 0 for empty text, else `parts.length`. */
  segments: number;
  parts: SmsPart[];
  /** Every character that forced UCS-2, in text order; empty for GSM-7. */
  ucs2Characters: Ucs2Character[];
}

export interface Gsm7Analysis extends SmsAnalysisCommon {
  encoding: 'GSM-7';
  /** Septets in all: extension characters (`^{}\[~]|€`, form feed) cost 2. */
  septets: number;
}

export interface Ucs2Analysis extends SmsAnalysisCommon {
  encoding: 'UCS-2';
  septets?: undefined;
}

export type SmsAnalysis = Gsm7Analysis | Ucs2Analysis;

/**
 * Encoding, size and exact segment split of a rendered SMS body.
 *
 * - Empty text is 0 segments with no parts: nothing is sent (a validation rule should flag an
 *   empty body), and it is what segment calculators show.
 * - `characters` counts code points: stable across Unicode versions, and equal to what
 *   "160 characters" counts for GSM-7 text. Grapheme clusters would count the family emoji
 *   👨‍👩‍👧‍👦 as 1 while it costs 11 code units; code units would count 👍 as 2.
 * - Parts are cut at grapheme-cluster boundaries, so an escape pair (ESC + `€`), a surrogate
 *   pair, an emoji sequence or a letter with its combining accent moves whole to the next
 *   part instead of being split across two messages. Only a cluster larger than a whole part
 *   (pathological stacks of combining marks) is cut, and then between code points.
 */
export function analyzeSms(text: string): SmsAnalysis {
  const septets = gsm7Septets(text);
  return septets === undefined ? analyzeUcs2(text) : analyzeGsm7(text, septets);
}

/**
 * GSM-7 text needs no grapheme segmentation: each of its characters is one UTF-16 code unit and
 * a cluster of its own (it has no combining marks, joiners or surrogates), except CR LF, which
 * is one cluster (UAX #29 rule GB3) and so travels whole.
 */
function analyzeGsm7(text: string, septets: number): Gsm7Analysis {
  const parts = cutIntoParts(text, septets, 'GSM-7', gsm7Pieces);
  return { encoding: 'GSM-7', septets, characters: text.length, codeUnits: text.length, segments: parts.length, parts, ucs2Characters: [] };
}

function* gsm7Pieces(text: string): Iterable<UnbreakablePiece> {
  for (let index = 0; index < text.length; index++) {
    const start = index;
    let units = GSM7_SEPTETS_BY_CODE_UNIT[text.charCodeAt(index)]!;
    if (text.charCodeAt(index) === 0x0d && text.charCodeAt(index + 1) === 0x0a) units += GSM7_SEPTETS_BY_CODE_UNIT[text.charCodeAt(++index)]!;
    yield { start, units };
  }
}

/** Text with a character outside GSM-7: segmented into grapheme clusters, which parts never split. */
function analyzeUcs2(text: string): Ucs2Analysis {
  const graphemes = splitGraphemes(text);
  const parts = cutIntoParts(text, text.length, 'UCS-2', () => ucs2Pieces(graphemes, SEGMENT_LIMITS['UCS-2'].concatenated));
  return {
    encoding: 'UCS-2',
    characters: [...text].length,
    codeUnits: text.length,
    segments: parts.length,
    parts,
    ucs2Characters: findUcs2Characters(graphemes),
  };
}

function findUcs2Characters(graphemes: Grapheme[]): Ucs2Character[] {
  const found: Ucs2Character[] = [];
  for (const grapheme of graphemes) {
    if (gsm7Septets(grapheme.text) !== undefined) continue;
    const culprit = [...grapheme.text].find((char) => septetsFor(char) === undefined)!;
    const replacement = gsmReplacementFor(grapheme.text);
    found.push({
      char: grapheme.text,
      offset: grapheme.start,
      codePoint: culprit.codePointAt(0) ?? 0,
      ...(replacement === undefined ? {} : { replacement }),
    });
  }
  return found;
}

/** A run of text that must travel in one segment, with its cost. */
interface UnbreakablePiece {
  start: number;
  units: number;
}

/**
 * The parts of a text costing `totalUnits`: the whole text when it fits one segment, else
 * concatenated segments filled with unbreakable pieces (listed only then, as that is the rare case).
 */
function cutIntoParts(text: string, totalUnits: number, encoding: SmsEncoding, pieces: (text: string) => Iterable<UnbreakablePiece>): SmsPart[] {
  if (text === '') return [];
  const { single, concatenated } = SEGMENT_LIMITS[encoding];
  if (totalUnits <= single) return [{ text, start: 0, end: text.length, units: totalUnits }];

  const parts: SmsPart[] = [];
  let start = 0;
  let units = 0;
  for (const piece of pieces(text)) {
    if (units + piece.units > concatenated) {
      parts.push({ text: text.slice(start, piece.start), start, end: piece.start, units });
      start = piece.start;
      units = 0;
    }
    units += piece.units;
  }
  parts.push({ text: text.slice(start), start, end: text.length, units });
  return parts;
}

/**
 * Grapheme clusters, except that a cluster too big for one part is cut into code points
 * (which keeps surrogate pairs whole, since each is one code point).
 */
function* ucs2Pieces(graphemes: Grapheme[], capacity: number): Iterable<UnbreakablePiece> {
  for (const grapheme of graphemes) {
    if (grapheme.text.length <= capacity) {
      yield { start: grapheme.start, units: grapheme.text.length };
      continue;
    }
    let offset = grapheme.start;
    for (const char of grapheme.text) {
      yield { start: offset, units: char.length };
      offset += char.length;
    }
  }
}
