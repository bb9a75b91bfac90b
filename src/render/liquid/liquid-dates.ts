import type { Liquid } from 'liquidjs';
import { strftime } from './strftime.js';
import { knownTimeZone, utcZone, wallClock } from './time-zone.js';

/**
 * Dates as Customer.io's Liquid reads and prints them, whatever the machine's TZ:
 * a number is Unix seconds, `now`/`today` the current time, a string without a zone is UTC,
 * and output is in UTC unless the template (or txkit.config.yaml `defaultTimezone`) names a zone.
 */

/** An instant with the zone a `timezone` filter attached; `date` prints it in that zone. */
class ZonedTime {
  constructor(
    readonly epochMs: number,
    readonly timeZone: string,
  ) {}

  /** Printed as Ruby prints a Time: `2026-03-08 05:00:00 -0500`. */
  toString(): string {
    return strftime(wallClock(this.epochMs, this.timeZone), '%Y-%m-%d %H:%M:%S %z');
  }

  toJSON(): string {
    return this.toString();
  }
}

const isoWithoutZone = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
const hasZone = /(?:Z|[+-]\d{2}:?\d{2}|\b(?:UTC|GMT))$/i;

/** Milliseconds since the epoch, or undefined when the value is not a date Liquid understands. */
function epochMsOf(value: unknown): number | undefined {
  if (value instanceof ZonedTime) return value.epochMs;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value * 1000 : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (text === 'now' || text === 'today') return Date.now();
  if (/^-?\d+(?:\.\d+)?$/.test(text)) return Number(text) * 1000;
  const iso = isoWithoutZone.exec(text);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0'] = iso;
    return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0').slice(0, 3)));
  }
  // Anything else (RFC 2822, "March 8, 2026 10:00"): read a zone-less text as UTC, never as the machine's zone.
  const parsed = Date.parse(hasZone.test(text) ? text : `${text} UTC`);
  return Number.isNaN(parsed) ? undefined : parsed;
}

function zoneOrThrow(name: unknown): string {
  const zone = knownTimeZone(name);
  if (!zone)
    throw new Error(
      `unknown time zone ${JSON.stringify(name)}: use a region name such as "America/New_York" (https://docs.customer.io/messaging/send/timezones/example-timezones/)`,
    );
  return zone;
}

const unitMs: Record<string, number> = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 };

/** Shift by calendar months in UTC, clamping the day as Ruby's `>>` does (Jan 31 + 1 month = Feb 28/29). */
function addMonths(epochMs: number, months: number): number {
  const date = new Date(epochMs);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.getTime();
}

function shifted(value: unknown, amount: unknown, unit: string, sign: 1 | -1): unknown {
  const epochMs = epochMsOf(value);
  if (epochMs === undefined) return value;
  const count = amount === undefined ? 1 : Number(amount);
  if (!Number.isFinite(count)) return value;
  const moved =
    unit === 'month' || unit === 'year' ? addMonths(epochMs, sign * Math.trunc(count) * (unit === 'year' ? 12 : 1)) : epochMs + sign * count * unitMs[unit]!;
  // A zoned time stays zoned; anything else becomes a Unix timestamp, as Customer.io returns.
  return value instanceof ZonedTime ? new ZonedTime(moved, value.timeZone) : Math.floor(moved / 1000);
}

/** Units of the `add_*` / `subtract_*` filters, each also in the plural (`add_day`, `add_days`). */
const dateShiftUnits = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'] as const;

export function registerDateFilters(liquid: Liquid, defaultTimezone: string = utcZone): void {
  liquid.registerFilter('date', (value: unknown, format: unknown, timeZone: unknown) => {
    // Ruby Liquid returns the input when there is no format.
    if (format === undefined || format === null || format === '') return value;
    const epochMs = epochMsOf(value);
    if (epochMs === undefined) return value;
    const zone = timeZone !== undefined ? zoneOrThrow(timeZone) : value instanceof ZonedTime ? value.timeZone : defaultTimezone;
    return strftime(wallClock(epochMs, zone), String(format));
  });
  liquid.registerFilter('timezone', (value: unknown, timeZone: unknown) => {
    const epochMs = epochMsOf(value);
    if (epochMs === undefined) return value;
    return new ZonedTime(epochMs, zoneOrThrow(timeZone));
  });
  for (const unit of dateShiftUnits) {
    for (const name of [unit, `${unit}s`]) {
      liquid.registerFilter(`add_${name}`, (value: unknown, amount: unknown) => shifted(value, amount, unit, 1));
      liquid.registerFilter(`subtract_${name}`, (value: unknown, amount: unknown) => shifted(value, amount, unit, -1));
    }
  }
}
