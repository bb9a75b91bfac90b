import { BoundedCache } from '../../cache/bounded-cache.js';
import type { WallClock } from './time-zone.js';

/**
 * Ruby's Time#strftime (https://ruby-doc.org/core/strftime_formatting_rdoc.html), which Customer.io's
 * Liquid `date` filter runs: every conversion, the flags `- _ 0 ^ #`, widths, and `%:z` / `%::z`.
 * A conversion Ruby does not know is printed as written, as Ruby does.
 */

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Conversions Ruby spells as other formats. */
const composites: Record<string, string> = {
  c: '%a %b %e %H:%M:%S %Y',
  D: '%m/%d/%y',
  x: '%m/%d/%y',
  F: '%Y-%m-%d',
  T: '%H:%M:%S',
  X: '%H:%M:%S',
  R: '%H:%M',
  r: '%I:%M:%S %p',
  v: '%e-%^b-%4Y',
  '+': '%a %b %e %H:%M:%S %Z %Y',
};

function dayOfYear(clock: WallClock): number {
  return (Date.UTC(clock.year, clock.month - 1, clock.day) - Date.UTC(clock.year, 0, 1)) / 86_400_000 + 1;
}

/** Week of the year starting on `firstWeekday` (0 Sunday for %U, 1 Monday for %W); days before the first such day are week 0. */
function weekOfYear(clock: WallClock, firstWeekday: number): number {
  const yday = dayOfYear(clock) - 1;
  const weekday = (clock.weekday - firstWeekday + 7) % 7;
  return Math.floor((yday - weekday + 7) / 7);
}

/** ISO 8601 week-based year and week (%G, %V): weeks start on Monday, week 1 holds the year's first Thursday. */
function isoWeek(clock: WallClock): { year: number; week: number } {
  const date = new Date(Date.UTC(clock.year, clock.month - 1, clock.day));
  const isoWeekday = clock.weekday || 7;
  date.setUTCDate(date.getUTCDate() + 4 - isoWeekday);
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return { year, week };
}

function offset(clock: WallClock, colons: number): string {
  const sign = clock.offsetMinutes < 0 ? '-' : '+';
  const minutes = Math.abs(clock.offsetMinutes);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  if (colons === 0) return `${sign}${hh}${mm}`;
  if (colons === 1) return `${sign}${hh}:${mm}`;
  return `${sign}${hh}:${mm}:00`;
}

interface Conversion {
  value: string;
  /** Default width and padding character when the format gives none. */
  width: number;
  pad: '0' | ' ' | '';
}

const numeric = (value: number, width: number, pad: '0' | ' ' = '0'): Conversion => ({ value: String(value), width, pad });
const text = (value: string): Conversion => ({ value, width: 0, pad: '' });

function convert(clock: WallClock, conversion: string, width: number | undefined, colons: number): Conversion | undefined {
  const hour12 = clock.hour % 12 || 12;
  switch (conversion) {
    case 'Y':
      return numeric(clock.year, clock.year < 0 ? 5 : 4);
    case 'C':
      return numeric(Math.floor(clock.year / 100), 2);
    case 'y':
      return numeric(((clock.year % 100) + 100) % 100, 2);
    case 'm':
      return numeric(clock.month, 2);
    case 'B':
      return text(monthNames[clock.month - 1]!);
    case 'b':
    case 'h':
      return text(monthNames[clock.month - 1]!.slice(0, 3));
    case 'd':
      return numeric(clock.day, 2);
    case 'e':
      return numeric(clock.day, 2, ' ');
    case 'j':
      return numeric(dayOfYear(clock), 3);
    case 'H':
      return numeric(clock.hour, 2);
    case 'k':
      return numeric(clock.hour, 2, ' ');
    case 'I':
      return numeric(hour12, 2);
    case 'l':
      return numeric(hour12, 2, ' ');
    case 'P':
      return text(clock.hour < 12 ? 'am' : 'pm');
    case 'p':
      return text(clock.hour < 12 ? 'AM' : 'PM');
    case 'M':
      return numeric(clock.minute, 2);
    case 'S':
      return numeric(clock.second, 2);
    case 'L':
    case 'N': {
      // Fractional seconds: digits, not a padded number (%L 3 digits, %N 9; a width sets the count).
      const digits = width ?? (conversion === 'L' ? 3 : 9);
      return text(String(clock.millisecond).padStart(3, '0').padEnd(digits, '0').slice(0, digits));
    }
    case 'z':
      return text(offset(clock, colons));
    case 'Z':
      return text(clock.zoneName);
    case 'A':
      return text(dayNames[clock.weekday]!);
    case 'a':
      return text(dayNames[clock.weekday]!.slice(0, 3));
    case 'u':
      return numeric(clock.weekday || 7, 1);
    case 'w':
      return numeric(clock.weekday, 1);
    case 'G':
      return numeric(isoWeek(clock).year, 4);
    case 'g':
      return numeric(((isoWeek(clock).year % 100) + 100) % 100, 2);
    case 'V':
      return numeric(isoWeek(clock).week, 2);
    case 'U':
      return numeric(weekOfYear(clock, 0), 2);
    case 'W':
      return numeric(weekOfYear(clock, 1), 2);
    case 's':
      return numeric(Math.floor(clock.epochMs / 1000), 1);
    case 'n':
      return text('\n');
    case 't':
      return text('\t');
    case '%':
      return text('%');
    default:
      return undefined;
  }
}

const directive = /%([-_0^#]*)(\d*)(:{0,2})([a-zA-Z%+])/g;

/** One `%…` conversion of a format, its flags read once. */
interface Directive {
  /** The directive as written, printed as is when Ruby does not know it. */
  whole: string;
  conversion: string;
  width: number | undefined;
  colons: number;
  /** `^` upper-cases; `#` swaps case (only lower-cases %p). */
  caseFlag: '^' | '#' | '';
  /** `_` pads with spaces, `0` with zeros. */
  padFlag: ' ' | '0' | '';
  /** `-`: no padding. */
  noPadding: boolean;
  /** The pieces of a conversion Ruby spells as another format (%F, %T, %c…). */
  composite?: FormatPiece[];
}

/** A format as literal text and directives. */
type FormatPiece = string | Directive;

// Templates use a handful of formats, each printed many times: each is read once (bounded, as
// formats may come from attributes).
const parsedFormats = new BoundedCache<string, FormatPiece[]>(256);

function parseFormat(format: string): FormatPiece[] {
  const known = parsedFormats.get(format);
  if (known) return known;
  const pieces: FormatPiece[] = [];
  let last = 0;
  for (const match of format.matchAll(directive)) {
    const [whole, flags, widthText, colons, conversion] = match as unknown as [string, string, string, string, string];
    if (match.index > last) pieces.push(format.slice(last, match.index));
    last = match.index + whole.length;
    if (colons && conversion !== 'z') {
      pieces.push(whole);
      continue;
    }
    const composite = composites[conversion];
    pieces.push({
      whole,
      conversion,
      width: widthText === '' ? undefined : Number(widthText),
      colons: colons.length,
      caseFlag: flags.includes('^') ? '^' : flags.includes('#') ? '#' : '',
      padFlag: flags.includes('_') ? ' ' : flags.includes('0') ? '0' : '',
      noPadding: flags.includes('-'),
      ...(composite ? { composite: parseFormat(composite) } : {}),
    });
  }
  if (last < format.length) pieces.push(format.slice(last));
  parsedFormats.set(format, pieces);
  return pieces;
}

function formatDirective(clock: WallClock, piece: Directive): string {
  const { conversion } = piece;
  const result: Conversion | undefined = piece.composite ? text(formatPieces(clock, piece.composite)) : convert(clock, conversion, piece.width, piece.colons);
  if (!result) return piece.whole;
  let value = result.value;
  if (piece.caseFlag === '^') value = value.toUpperCase();
  else if (piece.caseFlag === '#') value = conversion === 'p' ? value.toLowerCase() : value.toUpperCase();
  if (conversion === 'L' || conversion === 'N') return value;
  const pad: string = piece.padFlag || result.pad || ' ';
  const targetWidth = piece.noPadding ? 0 : (piece.width ?? result.width);
  if (value.length >= targetWidth) return value;
  if (pad === '0' && value.startsWith('-')) return `-${value.slice(1).padStart(targetWidth - 1, '0')}`;
  return value.padStart(targetWidth, pad);
}

function formatPieces(clock: WallClock, pieces: FormatPiece[]): string {
  let output = '';
  for (const piece of pieces) output += typeof piece === 'string' ? piece : formatDirective(clock, piece);
  return output;
}

export function strftime(clock: WallClock, format: string): string {
  return formatPieces(clock, parseFormat(format));
}
