import type { TxkitConfig } from './config-schema.js';
import type { CustomerioSmsSettings } from './customerio-sms-schema.js';
import type { MessageDefinition } from './message-schema.js';
import { isPlainObject } from './attributes/value-type.js';
import { isLanguageCode } from './language-code.js';
import { attributeTypes, defaultEmailClients, sfmcLanguageKeysPattern, whatsappButtonTypes } from './settings-vocabulary.js';

/**
 * A structural check of message.yaml and txkit.config.yaml that runs without zod: loading zod
 * and building its schemas took a third of `txkit list`. It answers only when the value is
 * plainly valid, with exactly what the zod schema would return (defaults filled, keys in the
 * schema's order); for anything else (a problem, or a rare key such as a webhook URL) it answers
 * undefined and the zod schema decides and explains. test/workspace/plain-settings.test.ts holds
 * the two to the same output.
 */

/** The parsed value, or undefined when the zod schema must decide. */
type Check = (value: unknown) => { value: unknown } | undefined;

interface Field {
  check: Check;
  /** What an absent key becomes; an absent key without it is left out (zod's `.optional()`). */
  fallback?: () => unknown;
  required?: true;
}

const ok = (value: unknown) => ({ value });

function text(options: { min?: number; max?: number; pattern?: RegExp } = {}): Check {
  const { min = 0, max = Infinity, pattern } = options;
  return (value) => (typeof value === 'string' && value.length >= min && value.length <= max && (!pattern || pattern.test(value)) ? ok(value) : undefined);
}

function integer(min: number, max = Number.MAX_SAFE_INTEGER): Check {
  return (value) => (Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max ? ok(value) : undefined);
}

const flag: Check = (value) => (typeof value === 'boolean' ? ok(value) : undefined);
const anything: Check = (value) => (value === undefined ? undefined : ok(value));
const never: Check = () => undefined;

function oneOf(values: readonly string[]): Check {
  return (value) => (typeof value === 'string' && values.includes(value) ? ok(value) : undefined);
}

function either(...checks: Check[]): Check {
  return (value) => checks.map((check) => check(value)).find(Boolean);
}

/** A strict object: unknown keys, a missing required key or a bad value leave it to zod. */
function object(shape: Record<string, Field>): Check {
  const keys = Object.keys(shape);
  return (value) => {
    if (!isPlainObject(value) || Object.keys(value).some((key) => !Object.hasOwn(shape, key))) return undefined;
    const parsed: Record<string, unknown> = {};
    for (const key of keys) {
      const field = shape[key]!;
      if (!Object.hasOwn(value, key)) {
        if (field.required) return undefined;
        if (field.fallback) parsed[key] = field.fallback();
        continue;
      }
      const result = field.check(value[key]);
      if (!result) return undefined;
      parsed[key] = result.value;
    }
    return ok(parsed);
  };
}

/** A list of `min` to `max` entries `entry` accepts. */
function list(entry: Check, min: number, max: number): Check {
  return (value) => {
    if (!Array.isArray(value) || value.length < min || value.length > max) return undefined;
    const parsed = value.map((item) => entry(item));
    return parsed.every(Boolean) ? ok(parsed.map((result) => result!.value)) : undefined;
  };
}

/** `check`'s value when `holds` accepts it too: zod's `.superRefine` rules, answered by zod when broken. */
function refined(check: Check, holds: (parsed: Record<string, unknown>) => boolean): Check {
  return (value) => {
    const result = check(value);
    return result && holds(result.value as Record<string, unknown>) ? result : undefined;
  };
}

/** A mapping of any keys `key` accepts, in the file's order. */
function record(key: Check, entry: Check): Check {
  return (value) => {
    if (!isPlainObject(value)) return undefined;
    const parsed: Record<string, unknown> = {};
    for (const name of Object.keys(value)) {
      const result = name === '__proto__' || !key(name) ? undefined : entry(value[name]);
      if (!result) return undefined;
      parsed[name] = result.value;
    }
    return ok(parsed);
  };
}

const optional = (check: Check): Field => ({ check });
const required = (check: Check): Field => ({ check, required: true });
const defaulted = (check: Check, fallback: () => unknown): Field => ({ check, fallback });

/** A field whose absence zod fills by parsing `{}` (`.prefault({})`, or `.default({})` of an all-optional object). */
function filledFrom(check: Check): Field {
  return { check, fallback: () => check({})!.value };
}

const attributeName = text({ pattern: /^[A-Za-z_][A-Za-z0-9_-]*$/ });

// Attributes nest (the fields of an object): the check refers to itself through this function.
const attributeSpec: Check = (value) => attributeSpecObject(value);

const attributeSpecObject = object({
  type: required(oneOf(attributeTypes)),
  required: defaulted(flag, () => false),
  description: optional(text()),
  example: optional(anything),
  maxLength: optional(integer(1)),
  format: optional(oneOf(['e164', 'email', 'url'])),
  profile: optional(flag),
  fields: optional(record(attributeName, attributeSpec)),
});

const email = object({
  subject: required(text({ min: 1 })),
  preheader: optional(text()),
  from: required(text({ min: 1 })),
  replyTo: optional(text()),
  body: defaulted(text({ pattern: /\.(mjml|html)$/ }), () => 'email.mjml'),
  text: optional(text()),
  translations: optional(record(text(), object({ subject: optional(text({ min: 1 })), preheader: optional(text()) }))),
});

const sms = object({
  body: defaulted(text(), () => 'sms.txt'),
  to: required(text({ min: 1 })),
  maxSegments: defaulted(integer(1, 10), () => 1),
  smartEncoding: optional(flag),
});

// A button takes exactly the field its type needs (url, phone; none for quick_reply).
const whatsappButton = refined(
  object({
    type: required(oneOf(whatsappButtonTypes)),
    text: required(text({ min: 1 })),
    url: optional(text({ min: 1 })),
    phone: optional(text({ min: 1 })),
  }),
  (button) => (['url', 'phone'] as const).every((field) => (button[field] !== undefined) === (button.type === field)),
);

// One header: text or media.
const whatsapp = refined(
  object({
    body: defaulted(text(), () => 'whatsapp.txt'),
    to: required(text({ min: 1 })),
    header: optional(text({ min: 1 })),
    media: optional(object({ type: required(oneOf(['image', 'video', 'document'])), url: required(text({ min: 1 })) })),
    footer: optional(text({ min: 1 })),
    buttons: optional(list(whatsappButton, 1, 10)),
  }),
  (parsed) => parsed.header === undefined || parsed.media === undefined,
);

const status = defaulted(oneOf(['Active', 'Inactive']), () => 'Active');

const sfmcTarget = object({
  definitionKey: optional(text({ min: 1, max: 36 })),
  customerKey: optional(text({ min: 1, max: 36 })),
  name: optional(text()),
  classification: defaulted(text(), () => 'Default Transactional'),
  status,
  trackLinks: defaulted(flag, () => true),
  categoryId: optional(integer(Number.MIN_SAFE_INTEGER)),
  list: optional(text({ min: 1 })),
  subscriptions: optional(object({ list: optional(text()), dataExtension: optional(text()) })),
  attributeMap: optional(record(text(), text())),
  sms: optional(
    object({
      definitionKey: required(text({ min: 1, max: 36 })),
      shortCode: required(text({ min: 1 })),
      keyword: required(text({ min: 1 })),
      countryCode: optional(text({ min: 2, max: 2 })),
      name: optional(text()),
      status,
    }),
  ),
  // Callback URLs are checked by zod's URL parser.
  events: optional(never),
  languageKeys: optional(text({ pattern: sfmcLanguageKeysPattern })),
});

const customerioSettings = object({
  sendToUnsubscribed: optional(flag),
  linkTracking: optional(flag),
  openTracking: optional(flag),
  queueDrafts: optional(flag),
  triggerName: optional(text()),
});

const transactionalMessageId = either(integer(1), text({ min: 1 }));

const customerioTarget = object({
  transactionalMessageId: optional(transactionalMessageId),
  language: optional(text()),
  settings: optional(customerioSettings),
  sms: optional(object({ transactionalMessageId: required(transactionalMessageId), language: optional(text()), settings: optional(customerioSettings) })),
  whatsapp: optional(object({ transactionalMessageId: required(transactionalMessageId), language: optional(text()), settings: optional(customerioSettings) })),
});

const attributeMap = record(attributeName, attributeSpec);

const message = object({
  $schema: optional(text()),
  name: required(text({ min: 1 })),
  description: optional(text()),
  engine: defaulted(oneOf(['liquid', 'handlebars']), () => 'liquid'),
  email: optional(email),
  sms: optional(sms),
  whatsapp: optional(whatsapp),
  attributes: defaulted(object({ customer: optional(attributeMap), trigger: optional(attributeMap) }), () => ({})),
  targets: defaulted(object({ sfmc: optional(sfmcTarget), customerio: optional(customerioTarget) }), () => ({})),
});

/** message.yaml's definition when it is plainly valid; undefined when the zod schema must decide. */
export function plainMessageDefinition(value: unknown): MessageDefinition | undefined {
  const parsed = message(value)?.value as MessageDefinition | undefined;
  return parsed && (parsed.email !== undefined || parsed.sms !== undefined || parsed.whatsapp !== undefined) ? parsed : undefined;
}

const customerioSms = object({
  linkTracking: optional(flag),
  linkShortening: defaulted(flag, () => true),
  shortLinkLength: defaulted(integer(1), () => 36),
  trackedLinkLength: defaulted(integer(1), () => 160),
});

/** Customer.io's SMS link settings when txkit.config.yaml says nothing of them. */
export function defaultCustomerioSms(): CustomerioSmsSettings {
  return customerioSms({})!.value as CustomerioSmsSettings;
}

const languageCode: Check = (value) => (typeof value === 'string' && isLanguageCode(value) ? ok(value) : undefined);

function isTimeZone(zone: unknown): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone as string });
    return true;
  } catch {
    return false;
  }
}

const config = object({
  $schema: optional(text()),
  workspace: defaulted(text({ min: 1 }), () => 'templates'),
  defaultRegion: defaulted(text({ pattern: /^[A-Z]{2}$/ }), () => 'US'),
  rules: defaulted(record(text(), oneOf(['error', 'warning', 'info', 'off'])), () => ({})),
  out: defaulted(text(), () => 'build'),
  defaultTimezone: optional((value) => (typeof value === 'string' && isTimeZone(value) ? ok(value) : undefined)),
  locales: optional(object({ default: required(languageCode), languages: defaulted(list(languageCode, 0, Infinity), () => []) })),
  email: filledFrom(
    object({
      clients: defaulted(
        (value) => (Array.isArray(value) && value.every((client) => text({ min: 1 })(client)) ? ok([...(value as unknown[])]) : undefined),
        () => [...defaultEmailClients],
      ),
      acceptPartial: defaulted(flag, () => true),
    }),
  ),
  targets: filledFrom(
    object({
      sfmc: optional(object({ list: optional(text({ min: 1 })) })),
      // The reporting webhook's URL is checked by zod's URL parser.
      customerio: optional(object({ reportingWebhook: optional(never), sms: optional(customerioSms) })),
    }),
  ),
  sandbox: optional(object({ profileSample: optional(text({ min: 1 })) })),
});

/** txkit.config.yaml's settings when plainly valid (`{}` for no file); undefined when the zod schema must decide. */
export function plainConfig(value: unknown): TxkitConfig | undefined {
  return config(value)?.value as TxkitConfig | undefined;
}
