import { describe, expect, it } from 'vitest';
import { createEngines } from '../../src/render/index.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { compileText, renderText } from './compile-text.js';

/**
 * One row per line of docs/languages.md "Customer.io Liquid": the documented example and the
 * output the cited page gives (or, for hashes and calendars, the published standard value).
 * These tests run under the CI's non-UTC TZ too: every expected date is independent of the machine.
 */
const tagList = 'https://docs.customer.io/messaging/liquid/tag-list/';
const rubyStrftime = 'https://ruby-doc.org/core/strftime_formatting_rdoc.html';
const shopifyDividedBy = 'https://shopify.github.io/liquid/filters/divided_by/';
// Braze documents the same digest filters with worked values (md5/sha1/hmac of "hey"); the values are the algorithms' own.
const digestValues = 'https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/advanced_filters/';

const { liquid } = createEngines();
const render = (text: string, trigger: Record<string, unknown> = {}) => renderText(liquid, text, { trigger }, { strict: true });

// 1625079104 = Wednesday 2021-06-30 18:51:44 UTC (the timestamp of Customer.io's date example,
// https://customer.io/blog/date-time-and-localization/).
const orderPlacedAt = 1625079104;

interface Row {
  row: string;
  template: string;
  expected: string;
  source: string;
  trigger?: Record<string, unknown>;
}

const rows: Row[] = [
  { row: 'currency (locale)', template: '{{ 10 | currency: "en-us" }}', expected: '$10.00', source: tagList },
  { row: 'currency (en-GB)', template: '{{ 1234567.896 | currency: "en-GB" }}', expected: '£1,234,567.90', source: tagList },
  // CLDR fr: narrow no-break space (U+202F) groups thousands, no-break space (U+00A0) before the symbol.
  { row: 'currency (fr)', template: '{{ 10 | currency: "fr" }}', expected: '10,00\u00A0€', source: tagList },
  { row: 'currency (code and locale)', template: '{{ 10 | currency: "GBP", locale: "en-GB" }}', expected: '£10.00', source: tagList },
  { row: 'rounded_currency', template: '{{ 10.99 | rounded_currency: "en-us" }}', expected: '$11', source: tagList },
  { row: 'format_number (locale)', template: '{{ 1234567.896 | format_number: "fr" }}', expected: '1\u202F234\u202F567,9', source: tagList },
  { row: 'format_number (en-us)', template: '{{ 10000 | format_number: "en-US" }}', expected: '10,000', source: tagList },
  { row: 'divided_by (integer divisor)', template: '{{ 20 | divided_by: 7 }}', expected: '2', source: shopifyDividedBy },
  { row: 'divided_by (float divisor)', template: '{{ 20 | divided_by: 7.0 }}', expected: '2.857142857142857', source: shopifyDividedBy },
  { row: 'divided_by (exact)', template: '{{ 16 | divided_by: 4 }}', expected: '4', source: shopifyDividedBy },
  { row: 'date %D', template: `{{ ${orderPlacedAt} | date: "%D" }}`, expected: '06/30/21', source: rubyStrftime },
  { row: 'date %F %T', template: `{{ ${orderPlacedAt} | date: "%F %T" }}`, expected: '2021-06-30 18:51:44', source: rubyStrftime },
  { row: 'date %R %r', template: `{{ ${orderPlacedAt} | date: "%R / %r" }}`, expected: '18:51 / 06:51:44 PM', source: rubyStrftime },
  { row: 'date %v %c', template: `{{ ${orderPlacedAt} | date: "%v / %c" }}`, expected: '30-JUN-2021 / Wed Jun 30 18:51:44 2021', source: rubyStrftime },
  { row: 'date %j %U %W %V %u %w', template: `{{ ${orderPlacedAt} | date: "%j %U %W %V %u %w" }}`, expected: '181 26 26 26 3 3', source: rubyStrftime },
  {
    row: 'date flags - ^ _ and width',
    template: `{{ ${orderPlacedAt} | date: "%-m/%-d %^a %_5H %e %l%P" }}`,
    expected: '6/30 WED    18 30  6pm',
    source: rubyStrftime,
  },
  {
    row: 'date %s %z %:z %Z (UTC by default)',
    template: `{{ ${orderPlacedAt} | date: "%s %z %:z %Z" }}`,
    expected: '1625079104 +0000 +00:00 UTC',
    source: rubyStrftime,
  },
  { row: 'date of a string without a zone is UTC', template: '{{ "2026-03-08 10:00" | date: "%H:%M %Z" }}', expected: '10:00 UTC', source: tagList },
  {
    row: 'date with a time zone argument',
    template: `{{ ${orderPlacedAt} | date: "%Y-%m-%d %H:%M %z", "Pacific/Auckland" }}`,
    expected: '2021-07-01 06:51 +1200',
    source: tagList,
  },
  {
    row: 'date %Z names the zone as Ruby/tzdata do',
    template: `{{ ${orderPlacedAt} | date: "%H:%M %Z", "Europe/Paris" }}`,
    expected: '20:51 CEST',
    source: rubyStrftime,
  },
  { row: 'timezone filter', template: `{{ ${orderPlacedAt} | timezone: "America/New_York" | date: "%H:%M %Z" }}`, expected: '14:51 EDT', source: tagList },
  // 2026-03-08 is the US switch to daylight time: 01:59:59 EST is followed by 03:00:00 EDT.
  {
    row: 'timezone across the DST switch (before)',
    template: '{{ "2026-03-08T06:59:59Z" | timezone: "America/New_York" | date: "%H:%M:%S %Z" }}',
    expected: '01:59:59 EST',
    source: tagList,
  },
  {
    row: 'timezone across the DST switch (after)',
    template: '{{ "2026-03-08T07:00:00Z" | timezone: "America/New_York" | date: "%H:%M:%S %Z" }}',
    expected: '03:00:00 EDT',
    source: tagList,
  },
  { row: 'add_days', template: `{{ ${orderPlacedAt} | add_days: 10 | date: "%F" }}`, expected: '2021-07-10', source: tagList },
  { row: 'add_day', template: `{{ ${orderPlacedAt} | add_day | date: "%F" }}`, expected: '2021-07-01', source: tagList },
  { row: 'subtract_days', template: `{{ ${orderPlacedAt} | subtract_days: 30 | date: "%F" }}`, expected: '2021-05-31', source: tagList },
  { row: 'add_months (end of month clamps)', template: '{{ "2021-01-31" | add_months: 1 | date: "%F" }}', expected: '2021-02-28', source: tagList },
  { row: 'add_hours', template: `{{ ${orderPlacedAt} | add_hours: 6 | date: "%F %H:%M" }}`, expected: '2021-07-01 00:51', source: tagList },
  { row: 'md5', template: "{{ 'hey' | md5 }}", expected: '6057f13c496ecf7fd777ceb9e79ae285', source: digestValues },
  { row: 'sha1', template: "{{ 'hey' | sha1 }}", expected: '7f550a9f4c44173a37664d938f1355f0f92a47a7', source: digestValues },
  { row: 'sha256', template: "{{ 'hey' | sha256 }}", expected: 'fa690b82061edfd2852629aeba8a8977b57e40fcb77d1a7a28b26cba62591204', source: digestValues },
  { row: 'hmac_sha1', template: "{{ 'hey' | hmac_sha1: 'secret_key' }}", expected: '2a3969bed25bfeefb00aca4063eb9590b4df8f0e', source: digestValues },
  {
    row: 'hmac_sha256',
    template: "{{ 'hey' | hmac_sha256: 'secret_key' }}",
    expected: '8df897f8da3d7992fe57c8dbc6f27578cfbf2dcc4d0fbb4000b8c924841d508e',
    source: digestValues,
  },
  { row: 'base64_encode', template: "{{ 'blah' | base64_encode }}", expected: 'YmxhaA==', source: digestValues },
  { row: 'base64_decode', template: "{{ 'YmxhaA==' | base64_decode }}", expected: 'blah', source: tagList },
  { row: 'titlecase', template: '{{ "the quick brown fox" | titlecase }}', expected: 'The Quick Brown Fox', source: tagList },
  { row: 'pluralize (one)', template: '{{ 1 | pluralize: "item", "items" }}', expected: 'item', source: tagList },
  { row: 'pluralize (many)', template: '{{ 3 | pluralize: "item", "items" }}', expected: 'items', source: tagList },
  { row: 'to_json', template: '{{ trigger.order | to_json }}', trigger: { order: { id: 7, tags: ['a'] } }, expected: '{"id":7,"tags":["a"]}', source: tagList },
  { row: 'from_json', template: '{% assign order = trigger.raw | from_json %}{{ order.id }}', trigger: { raw: '{"id":7}' }, expected: '7', source: tagList },
  {
    row: 'cio_link (preview shows the destination)',
    template: '{% cio_link url:https://example.com track:true url_params:true %}',
    expected: 'https://example.com',
    source: tagList,
  },
  {
    row: 'unsubscribe_url (placeholder)',
    template: '{% unsubscribe_url %}',
    expected: 'https://preview.txkit.invalid/customerio/unsubscribe_url',
    source: tagList,
  },
  {
    row: 'view_in_browser_url (placeholder)',
    template: '{% view_in_browser_url %}',
    expected: 'https://preview.txkit.invalid/customerio/view_in_browser_url',
    source: tagList,
  },
  {
    row: 'manage_subscription_preferences_url (placeholder)',
    template: '{% manage_subscription_preferences_url %}',
    expected: 'https://preview.txkit.invalid/customerio/manage_subscription_preferences_url',
    source: tagList,
  },
];

describe('Customer.io Liquid conformance (docs/languages.md)', () => {
  it.each(rows)('$row: $template → $expected ($source)', ({ template, expected, trigger }) => {
    expect(render(template, trigger)).toEqual({ output: expected, diagnostics: [] });
  });

  it('random: {% random 10 %} is a whole number from 0 to 9 (' + tagList + ')', () => {
    for (let i = 0; i < 50; i++) {
      const value = Number(render('{% random 10 %}').output);
      expect(Number.isInteger(value) && value >= 0 && value < 10).toBe(true);
    }
  });

  it('generate_uuid: a version 4 UUID (' + tagList + ')', () => {
    expect(render('{% generate_uuid %}').output).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('an unknown time zone is a render error naming the supported formats', () => {
    const result = render(`{{ ${orderPlacedAt} | timezone: "GMT-08:00 Pacific" }}`);
    expect(result.diagnostics).toEqual([expect.objectContaining({ ruleId: 'render/error' })]);
    expect(result.diagnostics[0]?.message).toContain('America/New_York');
  });
});

describe('Customer.io Liquid: defaultTimezone (txkit.config.yaml)', () => {
  it('prints dates in the configured zone when the template names none', () => {
    const paris = createEngines(undefined, { defaultTimezone: 'Europe/Paris' }).liquid;
    expect(renderText(paris, `{{ ${orderPlacedAt} | date: "%H:%M %z" }}`).output).toBe('20:51 +0200');
  });
});

describe('Customer.io Liquid: unknown filters', () => {
  it('hints at the nearest real filter and where the list is', () => {
    const { diagnostics } = compileText(liquid, '{{ 10 | curency: "en-us" }}');
    expect(diagnostics[0]?.hint).toContain('"currency"');
    expect(diagnostics[0]?.hint).toContain('docs/languages.md');
  });
});

describe('Customer.io Liquid: file-system tags never read a file', () => {
  // package.json is in the directory the tests run from: the old engine printed it for these tags.
  it.each([
    ['{% include package.json %}', 'include'],
    ['{% include "package.json" %}', 'include'],
    ["{% render 'package.json' %}", 'render'],
    ['{% render package.json %}', 'render'],
    ['{% layout package.json %}', 'layout'],
    ['{% include .env %}', 'include'],
  ])('%s is liquid/unsupported-tag, naming snippets', (text, tag) => {
    const { template, diagnostics } = compileText(liquid, `Hi {{ customer.name }}\n${text}`);
    expect(template).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'liquid/unsupported-tag', severity: 'error', line: 2, column: 1 })]);
    expect(diagnostics[0]?.message).toContain(`{% ${tag} %}`);
    expect(diagnostics[0]?.message).not.toContain('txkit');
    expect(diagnostics[0]?.hint).toContain('snippets');
  });
});

describe('Customer.io snippets (https://docs.customer.io/messaging/liquid/snippets/)', () => {
  it('{{ snippets.name }} and {{ snippets["name"] }} render templates/_snippets/<name>.liquid with the message data', async () => {
    const dir = await makeTempDir({
      'templates/_snippets/footer.liquid': '  Thanks, {{ customer.name }}!\n',
      'templates/_snippets/main address.liquid': '1 Main St',
    });
    try {
      const engine = createEngines(undefined, { workspace: dir.path('templates') }).liquid;
      const result = renderText(engine, '{{ snippets.footer }} | {{ snippets["main address"] }}', { customer: { name: 'Ada' } }, { strict: true });
      expect(result).toEqual({ output: 'Thanks, Ada! | 1 Main St', diagnostics: [] });
    } finally {
      await dir.remove();
    }
  });

  it('a snippet that is not in the workspace is an undefined attribute in strict mode', () => {
    const result = render('{{ snippets.missing }}');
    expect(result.diagnostics).toEqual([expect.objectContaining({ ruleId: 'render/undefined-attribute' })]);
  });

  it('reads no symlinked snippet (nothing from outside the workspace)', async () => {
    const dir = await makeTempDir({ 'secret.txt': 'TOP SECRET', 'templates/_snippets/leak.liquid': { symlinkTo: '../../secret.txt' } });
    try {
      const engine = createEngines(undefined, { workspace: dir.path('templates') }).liquid;
      expect(renderText(engine, '[{{ snippets.leak }}]').output).toBe('[]');
    } finally {
      await dir.remove();
    }
  });
});

describe('Customer.io Liquid: formatting cost', () => {
  it('a date filter call reuses its formatters: 2000 zoned renders allocate no new Intl formatter', () => {
    const spy = { count: 0 };
    const original = Intl.DateTimeFormat;
    const counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      spy.count++;
      return new original(...args);
    } as unknown as typeof Intl.DateTimeFormat;
    render(`{{ ${orderPlacedAt} | date: "%H", "Asia/Tokyo" }}`);
    Intl.DateTimeFormat = Object.assign(counting, original);
    try {
      for (let i = 0; i < 2000; i++) render('{{ trigger.at | date: "%H", "Asia/Tokyo" }}', { at: orderPlacedAt + i * 3600 });
    } finally {
      Intl.DateTimeFormat = original;
    }
    expect(spy.count).toBe(0);
  });
});
