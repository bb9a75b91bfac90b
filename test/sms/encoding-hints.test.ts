import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { positionOf } from '../helpers/text-position.js';
import { check, loadMessageAt, readText, repoRoot, smsFixtures, writeMessage } from './sms-fixture.js';

const encoding = (diagnostics: Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.ruleId === 'sms/encoding');
const ucs2Cost = 'forces UCS-2: 70 characters per segment instead of 160';

describe('sms/encoding: characters written in the template', () => {
  it('points at each occurrence in sms.txt, with the Unicode name and the GSM-7 replacement', async () => {
    const loaded = await loadMessageAt(smsFixtures, 'typographic-reminder');
    const body = path.join(smsFixtures, 'typographic-reminder/sms.txt');
    const text = await readText(body);
    const at = (char: string, occurrence = 1) => {
      const start = positionOf(text, char, occurrence);
      return { file: body, line: start.line, column: start.column, endLine: start.line, endColumn: start.column + 1 };
    };
    const warning = (char: string, name: string, replacement: string, occurrence = 1) => ({
      ruleId: 'sms/encoding',
      severity: 'warning',
      message: `"${char}" (${name}) ${ucs2Cost}; replace with "${replacement}"`,
      ...at(char, occurrence),
      hint: 'or set sms.smartEncoding: true to replace look-alikes when the SMS is sent',
    });

    const fromTemplate = encoding(check(loaded)).filter((diagnostic) => diagnostic.file === body);
    expect(fromTemplate).toHaveLength(6);
    expect(fromTemplate).toEqual(
      expect.arrayContaining([
        warning('\u2019', 'U+2019 RIGHT SINGLE QUOTATION MARK', "'", 1),
        warning('\u2019', 'U+2019 RIGHT SINGLE QUOTATION MARK', "'", 2),
        warning('\u2013', 'U+2013 EN DASH', '-'),
        warning('\u00a0', 'U+00A0 NO-BREAK SPACE', ' '),
        // Only rendered when the sample has a note (with-note.json): found through that sample.
        warning('\u201c', 'U+201C LEFT DOUBLE QUOTATION MARK', '"'),
        warning('\u201d', 'U+201D RIGHT DOUBLE QUOTATION MARK', '"'),
      ]),
    );
    // Line 3 holds the second apostrophe: the two occurrences are told apart.
    expect(
      fromTemplate
        .filter((diagnostic) => diagnostic.message.startsWith('"\u2019"'))
        .map((diagnostic) => diagnostic.line)
        .sort(),
    ).toEqual([1, 3]);
  });

  it('reports a character a loop writes many times once, at its one place in the template', async () => {
    const loaded = await writeMessage({
      'message.yaml': 'name: Loop\nsms:\n  to: "+14155552671"\n',
      'sms.txt': 'Items: {% for item in trigger.items %}{{ item }} \u2022 {% endfor %}',
      'samples/three.json': '{ "trigger": { "items": ["a", "b", "c"] } }',
    });
    const text = await readText(loaded.file('sms.txt'));
    expect(encoding(check(loaded))).toEqual([
      expect.objectContaining({
        message: `"\u2022" (U+2022 BULLET) ${ucs2Cost}; replace with "-"`,
        file: loaded.file('sms.txt'),
        ...positionOf(text, '\u2022'),
      }),
    ]);
  });

  it('points inside a tag when a string literal in it writes the character', async () => {
    const loaded = await writeMessage({
      'message.yaml': 'name: Default\nsms:\n  to: "+14155552671"\n',
      'sms.txt': 'Hi {{ customer.first_name | default: "friend\u2019s" }}!',
      'samples/anonymous.json': '{ "customer": {} }',
    });
    const text = await readText(loaded.file('sms.txt'));
    expect(encoding(check(loaded))).toEqual([expect.objectContaining({ file: loaded.file('sms.txt'), ...positionOf(text, '\u2019') })]);
  });

  it('says when GSM-7 has no replacement, for an emoji in a Handlebars template', async () => {
    const loaded = await writeMessage({
      'message.yaml': 'name: Emoji\nengine: handlebars\nsms:\n  to: "+14155552671"\n  maxSegments: 2\n',
      'sms.txt': 'Your parcel is here {{trigger.code}} \ud83d\udce6',
      'samples/standard.json': '{ "trigger": { "code": "A1" } }',
    });
    const text = await readText(loaded.file('sms.txt'));
    const [warning] = encoding(check(loaded));
    expect(warning).toMatchObject({
      message: `"\ud83d\udce6" (U+1F4E6) ${ucs2Cost}; GSM-7 has no replacement for it`,
      ...positionOf(text, '\ud83d\udce6'),
      // The emoji is one character of two UTF-16 units.
      endColumn: positionOf(text, '\ud83d\udce6').column + 2,
    });
  });
});

describe('sms/encoding: characters that come from sample data', () => {
  it('names the attribute, the sample, the position in the rendered text and the replacement', async () => {
    const loaded = await loadMessageAt(smsFixtures, 'typographic-reminder');
    const sampleFile = path.join(smsFixtures, 'typographic-reminder/samples/polish-name.json');
    const sampleText = await readText(sampleFile);
    const fromData = encoding(check(loaded)).filter((diagnostic) => diagnostic.file === sampleFile);
    expect(fromData).toEqual([
      {
        ruleId: 'sms/encoding',
        severity: 'warning',
        // "Hi Łukasz": Ł is the 4th character.
        message: `sample "polish-name": "\u0141" (U+0141 LATIN CAPITAL LETTER L WITH STROKE) at character 4 of the SMS, from customer.first_name ("\u0141ukasz"), ${ucs2Cost}; replace with "L"`,
        file: sampleFile,
        ...positionOf(sampleText, '"\u0141ukasz"'),
        hint: 'the value comes from the data: set sms.smartEncoding: true to replace look-alikes when the SMS is sent',
      },
    ]);
  });

  it('groups the characters of one value and follows array elements to the value in the sample', async () => {
    const loaded = await writeMessage({
      'message.yaml': 'name: Items\nsms:\n  to: "+14155552671"\n  maxSegments: 3\n',
      'sms.txt': 'Shipped: {% for item in trigger.items %}{{ item.name }}; {% endfor %}',
      'samples/mixed.json': '{ "trigger": { "items": [ { "name": "Tent" }, { "name": "Caf\u00e9 Zo\u00eb \u0141\u00f3d\u017a \u0416" } ] } }',
    });
    const sampleText = await readText(loaded.file('samples/mixed.json'));
    // "Shipped: Tent; " is 15 characters, "Café Zo" 7 more: ë is character 23. é is GSM-7.
    expect(encoding(check(loaded))).toEqual([
      expect.objectContaining({
        message:
          `sample "mixed": "\u00eb" (U+00EB) at character 23 of the SMS and 4 more characters from trigger.items[1].name ("Caf\u00e9 Zo\u00eb \u0141\u00f3d\u017a \u0416") force UCS-2: 70 characters per segment instead of 160; ` +
          'replace "\u00eb" with "e", "\u0141" with "L", "\u00f3" with "o", "\u017a" with "z"; GSM-7 has no replacement for "\u0416"',
        file: loaded.file('samples/mixed.json'),
        ...positionOf(sampleText, '"Caf'),
      }),
    ]);
  });

  it('reports the shipping-update cyrillic-name sample of the example workspace: character, position, no replacement', async () => {
    const workspace = path.join(repoRoot, 'templates');
    const loaded = await loadMessageAt(workspace, 'shipping-update', repoRoot);
    const sampleFile = path.join(workspace, 'shipping-update/samples/cyrillic-name.json');
    const sampleText = await readText(sampleFile);
    expect(encoding(check(loaded))).toEqual([
      {
        ruleId: 'sms/encoding',
        severity: 'warning',
        // "Hi Дмитрий": Д is the 4th character; the name has 7 letters, none in GSM-7.
        message: `sample "cyrillic-name": "\u0414" (U+0414) at character 4 of the SMS and 6 more characters from customer.first_name ("\u0414\u043c\u0438\u0442\u0440\u0438\u0439") force UCS-2: 70 characters per segment instead of 160; GSM-7 has no replacement for them`,
        file: sampleFile,
        ...positionOf(sampleText, '"\u0414\u043c\u0438\u0442\u0440\u0438\u0439"'),
        hint: 'text GSM-7 cannot write needs UCS-2: make sure sms.maxSegments allows for it (see the worst case of sms/max-segments)',
      },
    ]);
  });

  it('still places template characters when a filter transforms the data, and reports the data at its rendered position', async () => {
    const loaded = await writeMessage({
      'message.yaml': 'name: Upcase\nsms:\n  to: "+14155552671"\n  maxSegments: 2\n',
      'sms.txt': 'Hi {{ customer.name | upcase }}, it\u2019s ready',
      'samples/cyrillic.json': '{ "customer": { "name": "\u0434\u0438\u043c\u0430" } }',
    });
    const text = await readText(loaded.file('sms.txt'));
    const diagnostics = encoding(check(loaded));
    expect(diagnostics).toEqual([
      expect.objectContaining({ message: `"\u2019" (U+2019 RIGHT SINGLE QUOTATION MARK) ${ucs2Cost}; replace with "'"`, ...positionOf(text, '\u2019') }),
      expect.objectContaining({
        // upcase turned "дима" into "ДИМА": the sample does not hold these characters as printed.
        message: `sample "cyrillic": "\u0414" (U+0414) at character 4 of the SMS and 3 more characters from an attribute or filter output force UCS-2: 70 characters per segment instead of 160; GSM-7 has no replacement for them`,
        file: loaded.file('sms.txt'),
        line: 1,
        column: 1,
      }),
    ]);
  });
});
