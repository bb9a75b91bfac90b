import type { Liquid } from 'liquidjs';
import { BoundedCache } from '../../cache/bounded-cache.js';

/**
 * Filters Customer.io adds to standard Liquid, so templates that use them preview as sent.
 * Formatting goes through Intl, which is what Customer.io's locale-aware output resembles
 * (thousands separators, currency symbol placement).
 */

function toNumber(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(number) ? number : undefined;
}

// Building an Intl.NumberFormat costs tens of microseconds, using one about one: a line-item
// loop formats every row with the same few (locale, options) pairs.
const numberFormats = new BoundedCache<string, Intl.NumberFormat>(64);

/** A shared formatter; throws, like the constructor, for an unknown locale or currency. */
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify([locale, options]);
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** `{{ 1234.5 | currency }}` → `$1,234.50`; `{{ 9 | currency: "EUR", "de-DE" }}` → `9,00 €`. */
export function formatCurrency(value: unknown, currencyCode: unknown = 'USD', locale: unknown = 'en-US'): unknown {
  const number = toNumber(value);
  if (number === undefined) return value;
  try {
    return numberFormat(String(locale), { style: 'currency', currency: String(currencyCode) }).format(number);
  } catch {
    // An unknown currency code or locale renders the plain number rather than failing the send.
    return String(number);
  }
}

/** `{{ 1234567.891 | format_number }}` → `1,234,567.89`; `{{ 3 | format_number: 2 }}` → `3.00`. */
export function formatNumber(value: unknown, decimals: unknown = undefined, locale: unknown = 'en-US'): unknown {
  const number = toNumber(value);
  if (number === undefined) return value;
  const fractionDigits = toNumber(decimals);
  const options: Intl.NumberFormatOptions =
    fractionDigits === undefined
      ? { maximumFractionDigits: 2 }
      : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
  try {
    return numberFormat(String(locale), options).format(number);
  } catch {
    return String(number);
  }
}

export function registerCustomerioFilters(liquid: Liquid): void {
  liquid.registerFilter('currency', formatCurrency);
  liquid.registerFilter('format_number', formatNumber);
}
