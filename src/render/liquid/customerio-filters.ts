import type { Liquid } from 'liquidjs';

/**
 * Filters Customer.io adds to standard Liquid, so templates that use them preview as sent.
 * Formatting goes through Intl, which is what Customer.io's locale-aware output resembles
 * (thousands separators, currency symbol placement).
 */

function toNumber(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(number) ? number : undefined;
}

/** `{{ 1234.5 | currency }}` → `$1,234.50`; `{{ 9 | currency: "EUR", "de-DE" }}` → `9,00 €`. */
export function formatCurrency(value: unknown, currencyCode: unknown = 'USD', locale: unknown = 'en-US'): unknown {
  const number = toNumber(value);
  if (number === undefined) return value;
  try {
    return new Intl.NumberFormat(String(locale), { style: 'currency', currency: String(currencyCode) }).format(number);
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
    return new Intl.NumberFormat(String(locale), options).format(number);
  } catch {
    return String(number);
  }
}

export function registerCustomerioFilters(liquid: Liquid): void {
  liquid.registerFilter('currency', formatCurrency);
  liquid.registerFilter('format_number', formatNumber);
}
