import { gsm7Septets, GSM7_SEPTETS_BY_CODE_UNIT, septetsFor } from './gsm7.js';
import { graphemeStarts } from './graphemes.js';
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

function gsm7Pieces(text: string, visit: PieceVisitor): void {
  for (let index = 0; index < text.length; index++) {
    const start = index;
    let units = GSM7_SEPTETS_BY_CODE_UNIT[text.charCodeAt(index)]!;
    if (text.charCodeAt(index) === 0x0d && text.charCodeAt(index + 1) === 0x0a) units += GSM7_SEPTETS_BY_CODE_UNIT[text.charCodeAt(++index)]!;
    visit(start, units);
  }
}

/** Code points of `text`: code units less the surrogate pairs. */
function codePointCount(text: string): number {
  let count = text.length;
  for (let index = 0; index < text.length - 1; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        index++;
      }
    }
  }
  return count;
}

/** Text with a character outside GSM-7: segmented into grapheme clusters, which parts never split. */
function analyzeUcs2(text: string): Ucs2Analysis {
  const starts = graphemeStarts(text);
  const parts = cutIntoParts(text, text.length, 'UCS-2', (_, visit) => ucs2Pieces(text, starts, SEGMENT_LIMITS['UCS-2'].concatenated, visit));
  return {
    encoding: 'UCS-2',
    characters: codePointCount(text),
    codeUnits: text.length,
    segments: parts.length,
    parts,
    ucs2Characters: findUcs2Characters(text, starts),
  };
}

/** Whether the cluster `text.slice(start, end)` is GSM-7, without slicing the common one-code-unit cluster. */
function isGsm7Cluster(text: string, start: number, end: number): boolean {
  if (end - start === 1) {
    const code = text.charCodeAt(start);
    return code < GSM7_SEPTETS_BY_CODE_UNIT.length && GSM7_SEPTETS_BY_CODE_UNIT[code] !== 0;
  }
  return gsm7Septets(text.slice(start, end)) !== undefined;
}

function findUcs2Characters(text: string, starts: number[]): Ucs2Character[] {
  const found: Ucs2Character[] = [];
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index]!;
    const end = starts[index + 1] ?? text.length;
    if (isGsm7Cluster(text, start, end)) continue;
    const char = text.slice(start, end);
    const culprit = [...char].find((codePoint) => septetsFor(codePoint) === undefined)!;
    const replacement = gsmReplacementFor(char);
    found.push({
      char,
      offset: start,
      codePoint: culprit.codePointAt(0) ?? 0,
      ...(replacement === undefined ? {} : { replacement }),
    });
  }
  return found;
}

/** Called with each run of text that must travel in one segment: its start offset and its cost. */
type PieceVisitor = (start: number, units: number) => void;

/**
 * The parts of a text costing `totalUnits`: the whole text when it fits one segment, else
 * concatenated segments filled with unbreakable pieces (listed only then, as that is the rare case).
 */
function cutIntoParts(text: string, totalUnits: number, encoding: SmsEncoding, pieces: (text: string, visit: PieceVisitor) => void): SmsPart[] {
  if (text === '') return [];
  const { single, concatenated } = SEGMENT_LIMITS[encoding];
  if (totalUnits <= single) return [{ text, start: 0, end: text.length, units: totalUnits }];

  const parts: SmsPart[] = [];
  let start = 0;
  let units = 0;
  pieces(text, (pieceStart, pieceUnits) => {
    if (units + pieceUnits > concatenated) {
      parts.push({ text: text.slice(start, pieceStart), start, end: pieceStart, units });
      start = pieceStart;
      units = 0;
    }
    units += pieceUnits;
  });
  parts.push({ text: text.slice(start), start, end: text.length, units });
  return parts;
}

/**
 * Grapheme clusters, except that a cluster too big for one part is cut into code points
 * (which keeps surrogate pairs whole, since each is one code point).
 */
function ucs2Pieces(text: string, starts: number[], capacity: number, visit: PieceVisitor): void {
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index]!;
    const end = starts[index + 1] ?? text.length;
    if (end - start <= capacity) {
      visit(start, end - start);
      continue;
    }
    let offset = start;
    for (const char of text.slice(start, end)) {
      visit(offset, char.length);
      offset += char.length;
    }
  }
}
