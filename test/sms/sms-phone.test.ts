import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { positionOf } from '../helpers/text-position.js';
import { check, readText, writeMessage } from './sms-fixture.js';

const byRule = (diagnostics: Diagnostic[], ruleId: string) => diagnostics.filter((diagnostic) => diagnostic.ruleId === ruleId);

const literalTo = (to: string, config = '') =>
  writeMessage({ 'message.yaml': `name: Literal\nsms:\n  to: "${to}"\n`, 'sms.txt': 'Your code is 123456' }, config);

describe('sms/phone: the recipient', () => {
  it('accepts a literal E.164 number', async () => {
    expect(check(await literalTo('+14155552671'))).toEqual([]);
  });

  it('turns a literal national number into its E.164 form with the default region (US unless configured)', async () => {
    const loaded = await literalTo('(415) 555-2671');
    const yaml = await readText(loaded.file('message.yaml'));
    expect(check(loaded)).toEqual([
      {
        ruleId: 'sms/phone',
        severity: 'error',
        message: 'recipient (sms.to): "(415) 555-2671" is in US national format, but SMS needs the international E.164 form: use +14155552671.',
        file: loaded.file('message.yaml'),
        ...positionOf(yaml, '"(415)'),
        hint: 'write to: "+14155552671"',
      },
    ]);
  });

  it('uses defaultRegion from txkit.config.yaml', async () => {
    // UK mobile 07400 123456 → +44 7400 123456.
    const [diagnostic] = check(await literalTo('07400 123456', 'defaultRegion: GB\n'));
    expect(diagnostic).toMatchObject({ ruleId: 'sms/phone', hint: 'write to: "+447400123456"' });
  });

  it('rejects a number of the right shape that is not valid for its region, without a suggestion', async () => {
    // +1 555 area code: no such range in the North American plan.
    const [diagnostic] = check(await literalTo('+15555555555'));
    expect(diagnostic).toMatchObject({ ruleId: 'sms/phone', message: expect.stringMatching(/^recipient \(sms\.to\): "\+15555555555" is not a valid number/) });
    expect(diagnostic!.hint).toContain('E.164');
  });

  it('checks the rendered recipient for every sample and names the sample', async () => {
    const loaded = await writeMessage(
      {
        'message.yaml': 'name: Templated\nsms:\n  to: "{{ customer.mobile }}"\n',
        'sms.txt': 'Your code is 123456',
        'samples/e164.json': '{ "customer": { "mobile": "+4915123456789" } }',
        'samples/national.json': '{ "customer": { "mobile": "0151 23456789" } }',
        'samples/blank.json': '{ "customer": { "mobile": "" } }',
      },
      'defaultRegion: DE\n',
    );
    const yaml = await readText(loaded.file('message.yaml'));
    const toPosition = positionOf(yaml, '"{{ customer.mobile }}"');
    expect(byRule(check(loaded), 'sms/phone')).toEqual([
      {
        ruleId: 'sms/phone',
        severity: 'error',
        message: 'sample "blank": recipient (sms.to): The phone number is empty: SMS needs one in E.164 form, such as +14155552671.',
        file: loaded.file('message.yaml'),
        ...toPosition,
      },
      {
        ruleId: 'sms/phone',
        severity: 'error',
        // German mobile 0151 23456789 → +49 151 23456789.
        message:
          'sample "national": recipient (sms.to): "0151 23456789" is in DE national format, but SMS needs the international E.164 form: use +4915123456789.',
        file: loaded.file('message.yaml'),
        ...toPosition,
        hint: 'store the number as +4915123456789 in the data',
      },
    ]);
  });
});

describe('attributes/format: sample values declared format: e164', () => {
  const declared = (samples: Record<string, string>, extraAttributes = '') =>
    writeMessage({
      'message.yaml': `name: Declared\nsms:\n  to: "{{ customer.phone }}"\nattributes:\n  customer:\n    phone: { type: string, required: true, format: e164 }\n${extraAttributes}`,
      'sms.txt': 'Your code is 123456',
      ...samples,
    });

  it('reports a bad value at its place in the sample, once (not again as the recipient)', async () => {
    const loaded = await declared({ 'samples/spaced.json': '{\n  "customer": { "phone": "+1 415 555 2671" }\n}\n' });
    const sample = await readText(loaded.file('samples/spaced.json'));
    expect(check(loaded)).toEqual([
      {
        ruleId: 'attributes/format',
        severity: 'error',
        message: 'customer.phone (format: e164): "+1 415 555 2671" contains spaces or punctuation, but E.164 is "+" and digits only: use +14155552671.',
        file: loaded.file('samples/spaced.json'),
        ...positionOf(sample, '"+1 415'),
        hint: 'write "+14155552671"',
      },
    ]);
  });

  it('says a number written as a JSON number must be a string', async () => {
    const [diagnostic] = check(await declared({ 'samples/number.json': '{ "customer": { "phone": 14155552671 } }' }));
    expect(diagnostic).toMatchObject({ ruleId: 'attributes/format', hint: 'write "+14155552671", a string' });
  });

  it('checks fields of array elements, at the element in the sample', async () => {
    const loaded = await declared(
      {
        'samples/contacts.json':
          '{ "customer": { "phone": "+14155552671" }, "trigger": { "contacts": [ { "phone": "+447400123456" }, { "phone": "+4412" } ] } }',
      },
      '  trigger:\n    contacts:\n      type: array\n      required: false\n      fields:\n        phone: { type: string, required: true, format: e164 }\n',
    );
    const sample = await readText(loaded.file('samples/contacts.json'));
    expect(check(loaded)).toEqual([
      expect.objectContaining({
        ruleId: 'attributes/format',
        message: expect.stringMatching(/^trigger\.contacts\[1\]\.phone \(format: e164\): "\+4412" is too short/),
        ...positionOf(sample, '"+4412"'),
      }),
    ]);
  });

  it('checks phone attributes of a message without an SMS channel too', async () => {
    const loaded = await writeMessage({
      'message.yaml':
        'name: Email only\nemail:\n  subject: Hi\n  from: "Shop <shop@example.com>"\n  body: email.html\nattributes:\n  customer:\n    phone: { type: string, required: false, format: e164 }\n',
      'email.html': '<p>Hi</p>',
      'samples/standard.json': '{ "customer": { "phone": "4155552671" } }',
    });
    expect(check(loaded)).toEqual([expect.objectContaining({ ruleId: 'attributes/format', hint: 'write "+14155552671"' })]);
  });
});
