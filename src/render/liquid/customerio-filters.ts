import { createHash, createHmac } from 'node:crypto';
import type { FilterImplOptions, Liquid } from 'liquidjs';
import { BoundedCache } from '../../cache/bounded-cache.js';
import { registerDateFilters } from './liquid-dates.js';

/**
 * Filters Customer.io adds to standard Liquid (https://docs.customer.io/messaging/liquid/tag-list/),
 * so templates that use them preview as sent. Number formatting goes through Intl (CLDR), whose
 * separators and symbol placement match Customer.io's locale-aware output.
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

/** Currency of a region (ISO 3166 → ISO 4217), for `currency: "fr"`: the locale names the money. */
const regionCurrency: Record<string, string> = {
  US: 'USD',
  GB: 'GBP',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  JP: 'JPY',
  CN: 'CNY',
  IN: 'INR',
  BR: 'BRL',
  MX: 'MXN',
  CH: 'CHF',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  PL: 'PLN',
  CZ: 'CZK',
  HU: 'HUF',
  RO: 'RON',
  BG: 'BGN',
  RU: 'RUB',
  UA: 'UAH',
  TR: 'TRY',
  IL: 'ILS',
  AE: 'AED',
  SA: 'SAR',
  ZA: 'ZAR',
  KR: 'KRW',
  SG: 'SGD',
  HK: 'HKD',
  TW: 'TWD',
  TH: 'THB',
  ID: 'IDR',
  MY: 'MYR',
  PH: 'PHP',
  VN: 'VND',
  AR: 'ARS',
  CL: 'CLP',
  CO: 'COP',
  PE: 'PEN',
  IS: 'ISK',
  ...Object.fromEntries(
    ['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK'].map((region) => [region, 'EUR']),
  ),
};

const currencyCode = /^[A-Z]{3}$/;

interface LocaleFacts {
  /** Intl has formatting data for it (a word such as "DOLLARS" parses as a tag but has none). */
  known: boolean;
  /** Its likely region (`fr` → FR, `en-gb` → GB), through CLDR's likely subtags. */
  region?: string | undefined;
}

// Looking a locale up costs more than formatting with it: once per locale string.
const localeFacts = new BoundedCache<string, LocaleFacts>(64);

function factsOf(locale: string): LocaleFacts {
  let facts = localeFacts.get(locale);
  if (!facts) {
    try {
      facts = { known: Intl.NumberFormat.supportedLocalesOf(locale).length > 0, region: new Intl.Locale(locale).maximize().region };
    } catch {
      facts = { known: false };
    }
    localeFacts.set(locale, facts);
  }
  return facts;
}

/** Arguments as Customer.io documents them: `currency: "en-us"`, `currency: "GBP", locale: "en-GB"`, or `"EUR", "de-DE"`. */
function moneyArguments(args: unknown[]): { locale: string; currency: string } | undefined {
  let locale: string | undefined;
  let currency: string | undefined;
  for (const arg of args) {
    if (Array.isArray(arg)) {
      const [key, value] = arg as [string, unknown];
      if (key === 'locale') locale = String(value);
      if (key === 'currency') currency = String(value);
    } else if (typeof arg === 'string' && currencyCode.test(arg)) currency = arg;
    else if (typeof arg === 'string' && arg !== '') locale = arg;
  }
  const resolvedLocale = locale ?? 'en-US';
  const facts = factsOf(resolvedLocale);
  // A word that is neither a currency code nor a locale Intl has data for ("DOLLARS"): no guessing.
  if (!facts.known) return undefined;
  return { locale: resolvedLocale, currency: currency ?? regionCurrency[facts.region ?? ''] ?? 'USD' };
}

function formatMoney(value: unknown, args: unknown[], rounded: boolean): unknown {
  const number = toNumber(value);
  if (number === undefined) return value;
  const money = moneyArguments(args);
  if (!money) return String(number);
  const { locale, currency } = money;
  try {
    return numberFormat(locale, { style: 'currency', currency, ...(rounded ? { maximumFractionDigits: 0, minimumFractionDigits: 0 } : {}) }).format(number);
  } catch {
    // An unknown currency code or locale renders the plain number rather than failing the send.
    return String(number);
  }
}

/** `{{ 10 | currency: "en-us" }}` → `$10.00`; `{{ 10 | currency: "fr" }}` → `10,00 €`; `{{ 9 | currency: "EUR", "de-DE" }}` → `9,00 €`. */
export function formatCurrency(value: unknown, ...args: unknown[]): unknown {
  return formatMoney(value, args, false);
}

/** `{{ 10.99 | rounded_currency: "en-us" }}` → `$11`. */
function formatRoundedCurrency(value: unknown, ...args: unknown[]): unknown {
  return formatMoney(value, args, true);
}

/** `{{ 1234567.891 | format_number }}` → `1,234,567.89`; `format_number: 2`, `format_number: "fr"`, `format_number: 2, "de-DE"`. */
export function formatNumber(value: unknown, ...args: unknown[]): unknown {
  const number = toNumber(value);
  if (number === undefined) return value;
  let decimals: number | undefined;
  let locale = 'en-US';
  for (const arg of args) {
    if (Array.isArray(arg)) {
      const [key, argValue] = arg as [string, unknown];
      if (key === 'locale') locale = String(argValue);
      if (key === 'precision') decimals = toNumber(argValue);
    } else if (typeof arg === 'string' && toNumber(arg) === undefined) locale = arg;
    else if (toNumber(arg) !== undefined) decimals = toNumber(arg);
  }
  const options: Intl.NumberFormatOptions =
    decimals === undefined ? { maximumFractionDigits: 2 } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  try {
    return numberFormat(locale, options).format(number);
  } catch {
    return String(number);
  }
}

/**
 * Ruby's `/`: an integer divided by an integer is floored to an integer (`20 | divided_by: 7` → 2,
 * https://shopify.github.io/liquid/filters/divided_by/); a float on either side divides exactly.
 * A JavaScript number has no int/float kind, so a literal divisor written with a decimal point counts as a float.
 */
function dividedBy(this: { token: { args: unknown[] } }, dividend: unknown, divisor: unknown): unknown {
  const a = toNumber(dividend);
  const b = toNumber(divisor);
  if (a === undefined || b === undefined) return Number(dividend) / Number(divisor);
  if (b === 0) throw new Error('divided by 0');
  const divisorToken = this.token.args[0] as { getText?: () => string } | undefined;
  const writtenAsFloat = (divisorToken?.getText?.() ?? '').includes('.') || (typeof divisor === 'string' && divisor.includes('.'));
  const dividendIsFloat = typeof dividend === 'string' && dividend.includes('.');
  if (Number.isInteger(a) && Number.isInteger(b) && !writtenAsFloat && !dividendIsFloat) return Math.floor(a / b);
  return a / b;
}

const digest = (algorithm: string) => (value: unknown) =>
  createHash(algorithm)
    .update(String(value ?? ''))
    .digest('hex');
const hmac = (algorithm: string) => (value: unknown, key: unknown) =>
  createHmac(algorithm, String(key ?? ''))
    .update(String(value ?? ''))
    .digest('hex');

/** `{{ "the quick brown fox" | titlecase }}` → `The Quick Brown Fox`. */
function titlecase(value: unknown): string {
  return String(value ?? '').replace(/\S+/g, (word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase());
}

/** `{{ 1 | pluralize: "item", "items" }}` → `item`; any other count → `items` (the plural defaults to singular + "s"). */
function pluralize(count: unknown, singular: unknown, plural?: unknown): string {
  const one = String(singular ?? '');
  return toNumber(count) === 1 ? one : plural === undefined ? `${one}s` : String(plural);
}

function fromJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new Error(`from_json: not valid JSON: ${value.length > 40 ? `${value.slice(0, 40)}…` : value}`);
  }
}

const customerioFilters: Record<string, FilterImplOptions> = {
  currency: formatCurrency,
  rounded_currency: formatRoundedCurrency,
  format_number: formatNumber,
  divided_by: dividedBy as FilterImplOptions,
  md5: digest('md5'),
  sha1: digest('sha1'),
  sha256: digest('sha256'),
  hmac_sha1: hmac('sha1'),
  hmac_sha256: hmac('sha256'),
  base64: (value: unknown) => Buffer.from(String(value ?? ''), 'utf8').toString('base64'),
  base64_encode: (value: unknown) => Buffer.from(String(value ?? ''), 'utf8').toString('base64'),
  base64_decode: (value: unknown) => Buffer.from(String(value ?? ''), 'base64').toString('utf8'),
  titlecase,
  pluralize,
  to_json: (value: unknown) => JSON.stringify(value ?? null),
  from_json: fromJson,
};

export interface CustomerioFilterOptions {
  /** IANA zone dates print in when a template names none (txkit.config.yaml `defaultTimezone`); UTC by default. */
  defaultTimezone?: string;
}

export function registerCustomerioFilters(liquid: Liquid, options: CustomerioFilterOptions = {}): void {
  for (const [name, filter] of Object.entries(customerioFilters)) liquid.registerFilter(name, filter);
  registerDateFilters(liquid, options.defaultTimezone);
}
