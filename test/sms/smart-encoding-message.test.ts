import { describe, expect, it } from 'vitest';
import { renderSms } from '../../src/sms/render-sms.js';
import { createEngines } from '../../src/render/index.js';
import { check, writeMessage } from './sms-fixture.js';

const body = 'Hi {{ customer.first_name }}, it\u2019s ready \u2013 pick it up\u2026';
const messageYaml = (smartEncoding: boolean) => `name: Pickup\nsms:\n  to: "+14155552671"\n  smartEncoding: ${smartEncoding}\n`;

async function pickup(smartEncoding: boolean, firstName: string) {
  return writeMessage({
    'message.yaml': messageYaml(smartEncoding),
    'sms.txt': body,
    'samples/standard.json': JSON.stringify({ customer: { first_name: firstName } }),
  });
}

describe('sms.smartEncoding', () => {
  it('replaces look-alikes after personalization, in the template and in the data, and the analysis follows', async () => {
    const loaded = await pickup(true, '\u0141ukasz');
    const sms = renderSms(loaded.message, loaded.message.samples[0], { engines: createEngines() })!;
    expect(sms.personalized).toBe('Hi \u0141ukasz, it\u2019s ready \u2013 pick it up\u2026');
    expect(sms.text).toBe("Hi Lukasz, it's ready - pick it up...");
    expect(sms.analysis).toMatchObject({ encoding: 'GSM-7', characters: sms.text.length, segments: 1 });
  });

  it('leaves the text as personalized when off: UCS-2', async () => {
    const loaded = await pickup(false, '\u0141ukasz');
    const sms = renderSms(loaded.message, loaded.message.samples[0], { engines: createEngines() })!;
    expect(sms.text).toBe(sms.personalized);
    expect(sms.analysis.encoding).toBe('UCS-2');
  });

  it('silences the encoding hints of replaceable characters', async () => {
    const off = check(await pickup(false, '\u0141ukasz')).filter((diagnostic) => diagnostic.ruleId === 'sms/encoding');
    // ’ – … in the template, Ł in the data.
    expect(off).toHaveLength(4);
    expect(check(await pickup(true, '\u0141ukasz'))).toEqual([]);
  });

  it('keeps the hints for characters without a look-alike, at their position in the text as sent', async () => {
    const diagnostics = check(await pickup(true, '\u0414\u0438\u043c\u0430'));
    // Sent: "Hi Дима, it's ready - pick it up...": Д is still the 4th character, and the only culprits are the name's.
    expect(diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'sms/encoding',
        message:
          'sample "standard": "\u0414" (U+0414) at character 4 of the SMS and 3 more characters from customer.first_name ("\u0414\u0438\u043c\u0430") force UCS-2: 70 characters per segment instead of 160; GSM-7 has no replacement for them',
      }),
    ]);
  });

  it('counts positions in the replaced text: an ellipsis before the culprit becomes three characters', async () => {
    const loaded = await writeMessage({
      'message.yaml': messageYaml(true),
      'sms.txt': 'Wait\u2026 {{ customer.first_name }}',
      'samples/standard.json': JSON.stringify({ customer: { first_name: '\u0416' } }),
    });
    // Sent: "Wait... Ж": Ж is character 9 (it would be 7 with the ellipsis kept).
    expect(check(loaded)).toEqual([expect.objectContaining({ message: expect.stringContaining('"\u0416" (U+0416) at character 9 of the SMS') })]);
  });
});
