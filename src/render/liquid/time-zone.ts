import { BoundedCache } from '../../cache/bounded-cache.js';

/**
 * Wall-clock time of an instant in an IANA zone, independent of the machine's TZ.
 * Customer.io renders in UTC unless a template names a zone, and so does txkit.
 */

/** Fields of a wall clock; `offsetMinutes` is the zone's offset from UTC at that instant (east positive). */
export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday */
  weekday: number;
  offsetMinutes: number;
  /** Abbreviation of the zone at that instant (`UTC`, `EST`, `CEST`, or `GMT+13` where the zone has none in English). */
  zoneName: string;
  /** Milliseconds since the epoch of the instant. */
  epochMs: number;
}

export const utcZone = 'UTC';

// One formatter per zone: building an Intl.DateTimeFormat costs ~50 µs, formatting ~1 µs.
const zoneFormats = new BoundedCache<string, Intl.DateTimeFormat>(128);

function zoneFormat(timeZone: string, locale = 'en-US'): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone}`;
  let format = zoneFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      timeZoneName: 'short',
    });
    zoneFormats.set(key, format);
  }
  return format;
}

/** The zone's canonical name, or undefined when Intl does not know it (`Mars/Olympus`, `GMT-08:00 Pacific`). */
export function knownTimeZone(name: unknown): string | undefined {
  if (typeof name !== 'string' || name.trim() === '') return undefined;
  try {
    return zoneFormat(name.trim()).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function utcClock(epochMs: number, offsetMinutes: number, zoneName: string): WallClock {
  const shifted = new Date(epochMs + offsetMinutes * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: shifted.getUTCDay(),
    offsetMinutes,
    zoneName,
    epochMs,
  };
}

// A zone's offset changes only on a multiple of 15 minutes UTC (every tzdata transition since
// Liberia's in 1972 does), so the offset found for one instant holds for its whole quarter hour.
const quarterHour = 900_000;
const zoneOffsets = new BoundedCache<string, { offsetMinutes: number; zoneName: string }>(4096);

/** The wall clock of `epochMs` in `timeZone` (an IANA name already checked with knownTimeZone). */
export function wallClock(epochMs: number, timeZone: string = utcZone): WallClock {
  if (timeZone === utcZone || timeZone === 'Etc/UTC') return utcClock(epochMs, 0, 'UTC');
  const key = `${timeZone} ${Math.floor(epochMs / quarterHour)}`;
  let known = zoneOffsets.get(key);
  if (!known) {
    known = zoneOffset(epochMs, timeZone);
    zoneOffsets.set(key, known);
  }
  return utcClock(epochMs, known.offsetMinutes, known.zoneName);
}

function zoneOffset(epochMs: number, timeZone: string): { offsetMinutes: number; zoneName: string } {
  const parts = zoneFormat(timeZone).formatToParts(new Date(epochMs));
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value);
  // The offset is the difference between the zone's wall clock read as UTC and the instant itself.
  const asUtc = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
  const offsetMinutes = Math.round((asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000))) / 60_000);
  return { offsetMinutes, zoneName: zoneAbbreviation(parts, epochMs, timeZone) };
}

/** `EST`, `CEST`, `BST` as Ruby prints %Z: CLDR's en-US names American zones, en-GB European ones. */
function zoneAbbreviation(parts: Intl.DateTimeFormatPart[], epochMs: number, timeZone: string): string {
  const name = (found: Intl.DateTimeFormatPart[]) => found.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  const american = name(parts);
  if (!american.startsWith('GMT')) return american;
  return name(zoneFormat(timeZone, 'en-GB').formatToParts(new Date(epochMs)));
}
