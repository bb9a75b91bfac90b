import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { positionOf } from '../helpers/text-position.js';
import { check, readText, writeMessage } from './sms-fixture.js';

const segmentRule = (diagnostics: Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.ruleId === 'sms/max-segments');

/** A message whose body prints trigger.code after `literal`, one sample per code. */
async function codeMessage(literal: string, codes: Record<string, string>, maxSegments = 1) {
  const samples = Object.fromEntries(Object.entries(codes).map(([name, code]) => [`samples/${name}.json`, JSON.stringify({ trigger: { code } })]));
  return writeMessage({
    'message.yaml': `name: Code\nsms:\n  to: "+14155552671"\n  maxSegments: ${maxSegments}\n`,
    'sms.txt': `${literal}{{ trigger.code }}`,
    ...samples,
  });
}

describe('sms/max-segments for each sample', () => {
  it('allows 160 GSM-7 characters in one segment and reports the 161st', async () => {
    const loaded = await codeMessage('a'.repeat(150), { fits: 'x'.repeat(10), long: 'x'.repeat(11) });
    expect(segmentRule(check(loaded))).toEqual([
      {
        ruleId: 'sms/max-segments',
        severity: 'error',
        message: 'sample "long": 2 segments (GSM-7, 161 chars), maxSegments is 1 — 1 character over',
        file: loaded.file('sms.txt'),
        line: 1,
        column: 1,
        hint: 'shorten the text, or raise sms.maxSegments to 2 (every segment is billed)',
      },
    ]);
  });

  it('counts GSM-7 extension characters as two septets', async () => {
    // 80 euro signs are 160 septets; one more letter is 161.
    const loaded = await codeMessage('\u20ac'.repeat(80), { euro: 'a' });
    expect(segmentRule(check(loaded))).toEqual([
      expect.objectContaining({ message: 'sample "euro": 2 segments (GSM-7, 81 chars), maxSegments is 1 — 1 septet over' }),
    ]);
  });

  it('allows 70 UCS-2 characters in one segment and reports the 71st', async () => {
    const loaded = await codeMessage('\u0436'.repeat(69), { fits: 'a', long: 'ab' });
    expect(segmentRule(check(loaded)).map((diagnostic) => diagnostic.message)).toEqual([
      'sample "long": 2 segments (UCS-2, 71 chars), maxSegments is 1 — 1 character over',
    ]);
  });

  it('allows two concatenated GSM-7 segments of 153 (306) when maxSegments is 2, and reports 307', async () => {
    const loaded = await codeMessage('a'.repeat(300), { fits: 'x'.repeat(6), long: 'x'.repeat(7) }, 2);
    expect(segmentRule(check(loaded)).map((diagnostic) => diagnostic.message)).toEqual([
      'sample "long": 3 segments (GSM-7, 307 chars), maxSegments is 2 — 1 character over',
    ]);
  });

  it('explains a third segment forced by an emoji that cannot be split, though the units would fit', async () => {
    // UCS-2 parts hold 67 units: 66 ж, then the emoji (2 units) does not fit and starts part 2
    // (emoji + 65 ж = 67), leaving one ж for part 3: 134 units, exactly 2 × 67, in 3 segments.
    const loaded = await codeMessage('\u0436'.repeat(66) + '\ud83d\ude00' + '\u0436'.repeat(65), { edge: '\u0436' }, 2);
    expect(segmentRule(check(loaded)).map((diagnostic) => diagnostic.message)).toEqual([
      'sample "edge": 3 segments (UCS-2, 133 chars), maxSegments is 2 — characters cannot be split across segments, so it needs one more',
    ]);
  });

  it('suggests smart encoding when the look-alikes alone would make the text fit', async () => {
    // 139 letters and one curly apostrophe: 140 characters, UCS-2 as written (67 + 67 + 6: 3 segments), GSM-7 (1) with look-alikes.
    const loaded = await codeMessage(`${'a'.repeat(138)}\u2019`, { curly: 's' });
    expect(segmentRule(check(loaded))).toEqual([
      expect.objectContaining({
        message: 'sample "curly": 3 segments (UCS-2, 140 chars), maxSegments is 1 — 70 characters over',
        hint: 'set sms.smartEncoding: true — with GSM-7 look-alikes it is 1 segment (GSM-7, 140 chars) — or replace the characters sms/encoding lists',
      }),
    ]);
  });
});

describe('sms/max-segments in the worst case of attribute lengths', () => {
  const greeting = (maxLength: number, extra = '') =>
    writeMessage({
      'message.yaml': `name: Greeting\nsms:\n  to: "+14155552671"\nattributes:\n  customer:\n    first_name: { type: string, required: true, maxLength: ${maxLength} }\n    unused: { type: string, required: false, maxLength: 500 }\n${extra}`,
      // "Hello " (6) + name + ", " (2) + 140 letters.
      'sms.txt': `Hello {{ customer.first_name }}, ${'a'.repeat(140)}`,
      'samples/ann.json': '{ "customer": { "first_name": "Ann" } }',
    });

  it('fills each attribute the SMS reads at its maxLength and points at the attribute in sms.txt', async () => {
    const loaded = await greeting(20);
    const text = await readText(loaded.file('sms.txt'));
    // Sample: 6 + 3 + 2 + 140 = 151 fits; worst case: 6 + 20 + 2 + 140 = 168, 8 over 160.
    expect(check(loaded)).toEqual([
      {
        ruleId: 'sms/max-segments',
        severity: 'error',
        message:
          'worst case with customer.first_name at its maxLength 20, other attributes as in sample "ann": 2 segments (GSM-7, 168 chars), maxSegments is 1 — 8 characters over',
        file: loaded.file('sms.txt'),
        ...positionOf(text, 'customer.first_name'),
        hint: 'shorten the text, lower maxLength where the data allows (or cap the value in the template), or raise sms.maxSegments to 2',
      },
    ]);
  });

  it('is quiet when the longest values still fit', async () => {
    // 6 + 12 + 2 + 140 = 160.
    expect(check(await greeting(12))).toEqual([]);
  });

  it('uses UCS-2 text for an attribute a sample shows holding non-GSM-7 text, and reports once for all samples', async () => {
    const loaded = await writeMessage({
      'message.yaml':
        'name: Names\nsms:\n  to: "+14155552671"\n  maxSegments: 2\nattributes:\n  customer:\n    first_name: { type: string, required: true, maxLength: 30 }\n',
      // "Hi " (3) + name + "! " (2) + 100 letters.
      'sms.txt': `Hi {{ customer.first_name }}! ${'b'.repeat(100)}`,
      'samples/ann.json': '{ "customer": { "first_name": "Ann" } }',
      'samples/dmitry.json': '{ "customer": { "first_name": "\u0414\u043c\u0438\u0442\u0440\u0438\u0439" } }',
    });
    // Samples: 108 GSM-7 (1 segment), 112 UCS-2 (2 segments, up to 134 units). Worst case: 3 + 30 + 2 + 100 = 135 UCS-2 units: 3 segments.
    const diagnostics = segmentRule(check(loaded));
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'worst case with customer.first_name at its maxLength 30 (non-GSM-7 text, as in sample "dmitry"), other attributes as in sample "ann": 3 segments (UCS-2, 135 chars), maxSegments is 2 — 1 character over',
    ]);
  });

  it('keeps GSM-7 filler when smart encoding replaces everything the samples hold outside GSM-7', async () => {
    const names = (smartEncoding: boolean) =>
      writeMessage({
        'message.yaml': `name: Names\nsms:\n  to: "+14155552671"\n  smartEncoding: ${smartEncoding}\nattributes:\n  customer:\n    first_name: { type: string, required: true, maxLength: 30 }\n`,
        // "Hi " (3) + name + "! " (2) + 40 letters; the sample: 3 + 6 + 2 + 40 = 51 characters.
        'sms.txt': `Hi {{ customer.first_name }}! ${'b'.repeat(40)}`,
        'samples/lukasz.json': '{ "customer": { "first_name": "\u0141ukasz" } }',
      });
    // Worst case 3 + 30 + 2 + 40 = 75 characters: over one UCS-2 segment (70), within one GSM-7 segment (160).
    // With smart encoding "Ł" is sent as "L", so the name is GSM-7 text at its longest too.
    expect(segmentRule(check(await names(true)))).toEqual([]);
    // Without it, "Ł" shows that the name can force UCS-2.
    expect(segmentRule(check(await names(false))).map((diagnostic) => diagnostic.message)).toEqual([
      'worst case with customer.first_name at its maxLength 30 (non-GSM-7 text, as in sample "lukasz"), other attributes as in sample "lukasz": 2 segments (UCS-2, 75 chars), maxSegments is 1 — 5 characters over',
    ]);
  });

  it('follows loops into array fields, fills numbers with 9s and points at the loop in a Handlebars body', async () => {
    const loaded = await writeMessage({
      'message.yaml': [
        'name: Order',
        'engine: handlebars',
        'sms:',
        '  to: "+14155552671"',
        'attributes:',
        '  trigger:',
        '    order_id: { type: string, required: true, maxLength: 10 }',
        '    items:',
        '      type: array',
        '      required: true',
        '      fields:',
        '        name: { type: string, required: true, maxLength: 12 }',
        '    total: { type: number, required: true, maxLength: 6 }',
        '',
      ].join('\n'),
      'sms.txt': `Order {{trigger.order_id}}: {{#each trigger.items}}{{name}} {{/each}}total {{trigger.total}}${'z'.repeat(110)}`,
      'samples/standard.json': '{ "trigger": { "order_id": "A1", "items": [{ "name": "Tent" }, { "name": "Mug" }], "total": 42 } }',
    });
    const text = await readText(loaded.file('sms.txt'));
    // Sample: "Order A1: Tent Mug total 42" (27) + 110 = 137. Worst case: "Order " 6 + 10 + ": " 2
    // + 2 × (12 + 1) + "total " 6 + "999999" 6 + 110 = 166: 6 over. The second item's name grows
    // most (3 → 12), and the body reaches it through the loop over trigger.items.
    expect(check(loaded)).toEqual([
      expect.objectContaining({
        message:
          'worst case with trigger.order_id at its maxLength 10, trigger.items[].name at 12 and trigger.total at 6, other attributes as in sample "standard": 2 segments (GSM-7, 166 chars), maxSegments is 1 — 6 characters over',
        ...positionOf(text, 'trigger.items'),
      }),
    ]);
  });
});

describe('sms/empty', () => {
  it('reports a body that renders empty or blank for a sample, and nothing else about it', async () => {
    const loaded = await writeMessage({
      'message.yaml': 'name: Conditional\nsms:\n  to: "+14155552671"\n',
      'sms.txt': '{% if trigger.show %}Your code is {{ trigger.code }}{% endif %}{{ trigger.padding }}',
      'samples/shown.json': '{ "trigger": { "show": true, "code": "123456", "padding": "" } }',
      'samples/hidden.json': '{ "trigger": { "show": false, "padding": "  " } }',
    });
    expect(check(loaded)).toEqual([
      {
        ruleId: 'sms/empty',
        severity: 'error',
        message: 'sample "hidden": the SMS body renders empty',
        file: loaded.file('sms.txt'),
        line: 1,
        column: 1,
        hint: 'check the conditions in the body and the attributes it prints for this sample',
      },
    ]);
  });
});
