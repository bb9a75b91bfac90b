import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { sendLinks } from '../../src/sms/links-as-sent.js';
import { smsMaxSegments } from '../../src/sms/rules/index.js';
import { testRule } from '../helpers/rule-tester.js';
import { check, writeMessage } from './sms-fixture.js';

/**
 * Customer.io sends each SMS link as a short link of 26 to 36 characters with the default domain
 * (https://docs.customer.io/journeys/sms-link-shortening/, "Short link format"): txkit counts the
 * longest, 36. A tracked, unshortened link has no documented length: txkit counts 160 unless
 * `trackedLinkLength` says otherwise. Links need their protocol, http or https
 * (https://docs.customer.io/journeys/link-tracking/). Segment sizes: GSM-7 160 alone, 153
 * concatenated; UCS-2 70 and 67 (/work/shared/docs/sms.md).
 */
const SHORT_LINK = 36;
const TRACKED_LINK = 160;
/** "https://" (8) + "example.com" (11) + "/t/1" (4) = 23 characters as written. */
const URL = 'https://example.com/t/1';

const maxSegmentsOf = (diagnostics: Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.ruleId === smsMaxSegments.meta.id);

describe('links as Customer.io sends them', () => {
  const shortened = { kind: 'shortened', length: SHORT_LINK, setting: 'linkShortening' } as const;

  it('replaces each http(s) link with a stand-in of the link length, keeping closing punctuation and links without protocol', () => {
    const sent = sendLinks(`See ${URL}. Or HTTP://A.example/x, or www.example.com`, shortened);
    expect(sent.links).toBe(2);
    expect(sent.text).toBe(`See https://${'x'.repeat(28)}. Or https://${'x'.repeat(28)}, or www.example.com`);
    // "See " 4 + 36 + ". Or " 5 + 36 + ", or " 5 + "www.example.com" 15 = 101.
    expect(sent.analysis.characters).toBe(101);
  });
});

describe('sms/max-segments as Customer.io sends the links, for each sample', () => {
  /** `{{ trigger.text }} {{ trigger.url }}`, one sample per text. */
  const linkMessage = (texts: Record<string, string>, options: { maxSegments?: number; config?: string; targets?: string } = {}) =>
    writeMessage(
      {
        'message.yaml': `name: Link\nsms:\n  to: "+14155552671"\n  maxSegments: ${options.maxSegments ?? 1}\ntargets:\n${options.targets ?? '  customerio:\n    sms: { transactionalMessageId: 7 }\n'}`,
        'sms.txt': '{{ trigger.text }} {{ trigger.url }}',
        ...Object.fromEntries(Object.entries(texts).map(([name, text]) => [`samples/${name}.json`, JSON.stringify({ trigger: { text, url: URL } })])),
      },
      options.config ?? '',
    );
  const messages = async (...args: Parameters<typeof linkMessage>) => maxSegmentsOf(check(await linkMessage(...args))).map((diagnostic) => diagnostic.message);

  it('GSM-7: 123 letters, a space and a 36-character short link fit 160; 124 do not, though 148 characters as written would', async () => {
    expect(await messages({ fits: 'a'.repeat(123), over: 'a'.repeat(124) })).toEqual([
      'sample "over", as Customer.io sends it (1 link shortened to 36 characters): 2 segments (GSM-7, 161 chars), maxSegments is 1 — 1 character over',
    ]);
  });

  it('GSM-7 concatenated: 269 + 1 + 36 = 306 fit two segments of 153; 270 need a third', async () => {
    expect(await messages({ fits: 'a'.repeat(269), over: 'a'.repeat(270) }, { maxSegments: 2 })).toEqual([
      'sample "over", as Customer.io sends it (1 link shortened to 36 characters): 3 segments (GSM-7, 307 chars), maxSegments is 2 — 1 character over',
    ]);
  });

  it('UCS-2: 33 Cyrillic letters + 1 + 36 = 70 fit one segment; 34 do not', async () => {
    expect(await messages({ fits: '\u0436'.repeat(33), over: '\u0436'.repeat(34) })).toEqual([
      'sample "over", as Customer.io sends it (1 link shortened to 36 characters): 2 segments (UCS-2, 71 chars), maxSegments is 1 — 1 character over',
    ]);
  });

  it('UCS-2 concatenated: 97 + 1 + 36 = 134 fit two segments of 67; 98 need a third', async () => {
    expect(await messages({ fits: '\u0436'.repeat(97), over: '\u0436'.repeat(98) }, { maxSegments: 2 })).toEqual([
      'sample "over", as Customer.io sends it (1 link shortened to 36 characters): 3 segments (UCS-2, 135 chars), maxSegments is 2 — 1 character over',
    ]);
  });

  it('counts a tracked link at trackedLinkLength when the workspace does not shorten links, and at 160 by default', async () => {
    // "Track:" 6 + 1 + 160 = 167 characters as sent (6 + 1 + 23 = 30 as written).
    expect(await messages({ short: 'Track:' }, { config: 'targets:\n  customerio:\n    sms: { linkShortening: false }\n' })).toEqual([
      `sample "short", as Customer.io sends it (1 link tracked at ${TRACKED_LINK} characters): 2 segments (GSM-7, 167 chars), maxSegments is 1 — 7 characters over`,
    ]);
    // 59 + 1 + 100 = 160 with tracked links of 100 characters; 60 letters are 161.
    const config = 'targets:\n  customerio:\n    sms: { linkShortening: false, trackedLinkLength: 100 }\n';
    expect(await messages({ fits: 'a'.repeat(59), over: 'a'.repeat(60) }, { config })).toEqual([
      'sample "over", as Customer.io sends it (1 link tracked at 100 characters): 2 segments (GSM-7, 161 chars), maxSegments is 1 — 1 character over',
    ]);
  });

  it('counts as written when the message turns link tracking off and the workspace does not shorten', async () => {
    const targets = '  customerio:\n    sms: { transactionalMessageId: 7, settings: { linkTracking: false } }\n';
    const config = 'targets:\n  customerio:\n    sms: { linkShortening: false }\n';
    // 136 + 1 + 23 = 160 as written.
    expect(await messages({ fits: 'a'.repeat(136) }, { targets, config })).toEqual([]);
    // The project default of txkit.config.yaml turns it off too; a message's own setting wins over it.
    const projectOff = 'targets:\n  customerio:\n    sms: { linkShortening: false, linkTracking: false }\n';
    expect(await messages({ fits: 'a'.repeat(136) }, { config: projectOff })).toEqual([]);
    const messageOn = '  customerio:\n    sms: { transactionalMessageId: 7, settings: { linkTracking: true } }\n';
    // 136 + 1 + 160 = 297: two segments.
    expect(await messages({ over: 'a'.repeat(136) }, { targets: messageOn, config: projectOff })).toEqual([
      'sample "over", as Customer.io sends it (1 link tracked at 160 characters): 2 segments (GSM-7, 297 chars), maxSegments is 1 — 137 characters over',
    ]);
  });

  it('counts as written without a Customer.io SMS target, and the larger count when SFMC sends it as written too', async () => {
    // 137 + 1 + 23 = 161 as written; 137 + 1 + 36 = 174 as sent by Customer.io: both 2 segments.
    expect(await messages({ over: 'a'.repeat(137) }, { targets: '  {}\n' })).toEqual([
      'sample "over": 2 segments (GSM-7, 161 chars), maxSegments is 1 — 1 character over',
    ]);
    // A 100-letter text with a 60-character link: 161 as written, 137 shortened.
    const longUrl = `https://example.com/${'p'.repeat(40)}`;
    const both = await writeMessage({
      'message.yaml':
        'name: Both\nsms:\n  to: "+14155552671"\ntargets:\n  sfmc:\n    sms: { definitionKey: both, shortCode: "88000", keyword: BOTH }\n  customerio:\n    sms: { transactionalMessageId: 7 }\n',
      'sms.txt': `${'a'.repeat(100)} ${longUrl}`,
    });
    expect(maxSegmentsOf(check(both)).map((diagnostic) => diagnostic.message)).toEqual([
      'with no sample data: 2 segments (GSM-7, 161 chars), maxSegments is 1 — 1 character over',
    ]);
  });
});

describe('sms/max-segments in the worst case, as Customer.io sends the links', () => {
  const greeting = (letters: number, options: { maxSegments?: number; config?: string } = {}) =>
    writeMessage(
      {
        'message.yaml': `name: Greeting\nsms:\n  to: "+14155552671"\n  maxSegments: ${options.maxSegments ?? 1}\nattributes:\n  customer:\n    first_name: { type: string, required: true, maxLength: 20 }\n  trigger:\n    url: { type: string, required: true, format: url, maxLength: 60 }\ntargets:\n  customerio:\n    sms: { transactionalMessageId: 7 }\n`,
        // "Hi " 3 + name + ", " 2 + letters + " " 1 + link.
        'sms.txt': `Hi {{ customer.first_name }}, ${'a'.repeat(letters)} {{ trigger.url }}`,
        'samples/ann.json': JSON.stringify({ customer: { first_name: 'Ann' }, trigger: { url: URL } }),
      },
      options.config ?? '',
    );

  it('GSM-7: the name at 20 and the 60-character link shortened to 36 take 3 + 20 + 2 + 98 + 1 + 36 = 160; 99 letters are 161', async () => {
    expect(maxSegmentsOf(check(await greeting(98)))).toEqual([]);
    expect(maxSegmentsOf(check(await greeting(99))).map((diagnostic) => diagnostic.message)).toEqual([
      'worst case with customer.first_name at its maxLength 20 and trigger.url at 60, other attributes as in sample "ann", as Customer.io sends it (1 link shortened to 36 characters): 2 segments (GSM-7, 161 chars), maxSegments is 1 — 1 character over',
    ]);
  });

  it('GSM-7 concatenated, tracked: 3 + 20 + 2 + 120 + 1 + 160 = 306 fit two segments of 153; 121 letters need a third', async () => {
    const config = 'targets:\n  customerio:\n    sms: { linkShortening: false }\n';
    expect(maxSegmentsOf(check(await greeting(120, { maxSegments: 2, config })))).toEqual([]);
    expect(maxSegmentsOf(check(await greeting(121, { maxSegments: 2, config }))).map((diagnostic) => diagnostic.message)).toEqual([
      'worst case with customer.first_name at its maxLength 20 and trigger.url at 60, other attributes as in sample "ann", as Customer.io sends it (1 link tracked at 160 characters): 3 segments (GSM-7, 307 chars), maxSegments is 2 — 1 character over',
    ]);
  });

  it('UCS-2: a name at 10 that a sample writes in Cyrillic, 3 + 10 + 2 + 18 + 1 + 36 = 70 fit; 19 letters are 71', async () => {
    const names = (letters: number) =>
      writeMessage({
        'message.yaml':
          'name: Names\nsms:\n  to: "+14155552671"\nattributes:\n  customer:\n    first_name: { type: string, required: true, maxLength: 10 }\ntargets:\n  customerio:\n    sms: { transactionalMessageId: 7 }\n',
        'sms.txt': `Hi {{ customer.first_name }}! ${'b'.repeat(letters)} {{ trigger.url }}`,
        'samples/ann.json': JSON.stringify({ customer: { first_name: 'Ann' }, trigger: { url: URL } }),
        'samples/dmitry.json': JSON.stringify({ customer: { first_name: '\u0414\u043c\u0438\u0442\u0440\u0438\u0439' }, trigger: { url: URL } }),
      });
    expect(maxSegmentsOf(check(await names(18)))).toEqual([]);
    expect(maxSegmentsOf(check(await names(19))).map((diagnostic) => diagnostic.message)).toEqual([
      'worst case with customer.first_name at its maxLength 10 (non-GSM-7 text, as in sample "dmitry"), other attributes as in sample "ann", as Customer.io sends it (1 link shortened to 36 characters): 2 segments (UCS-2, 71 chars), maxSegments is 1 — 1 character over',
    ]);
  });
});

testRule(smsMaxSegments, {
  valid: [
    {
      name: 'a link that fits as written and as a short link',
      files: {
        'templates/msg/message.yaml': 'name: Msg\nsms:\n  to: "+14155552671"\ntargets:\n  customerio:\n    sms: { transactionalMessageId: 7 }\n',
        'templates/msg/sms.txt': `Track: ${URL}`,
      },
    },
  ],
  invalid: [
    {
      name: 'a tracked link makes a 30-character SMS two segments; the hint names the settings',
      files: {
        'txkit.config.yaml': 'targets:\n  customerio:\n    sms: { linkShortening: false }\n',
        'templates/msg/message.yaml': 'name: Msg\nsms:\n  to: "+14155552671"\ntargets:\n  customerio:\n    sms: { transactionalMessageId: 7 }\n',
        // "Track: " 7 + 23 = 30 as written; 7 + 160 = 167 as sent.
        'templates/msg/sms.txt': `Track: ${URL}`,
      },
      errors: [
        {
          file: 'templates/msg/sms.txt',
          message:
            'with no sample data, as Customer.io sends it (1 link tracked at 160 characters): 2 segments (GSM-7, 167 chars), maxSegments is 1 — 7 characters over',
          hint: 'targets.customerio.sms.settings.linkTracking in message.yaml, on by default): set linkTracking: false, turn link shortening on (targets.customerio.sms.linkShortening in txkit.config.yaml)',
        },
      ],
    },
  ],
});
