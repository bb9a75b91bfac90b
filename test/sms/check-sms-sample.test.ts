import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSmsSample } from '../../src/sms/check/index.js';
import { check, loadMessageAt, smsCheckOptions, smsFixtures, writeMessage } from './sms-fixture.js';

describe('checkSmsSample (what the preview shows for one sample)', () => {
  it('returns the SMS as sent with its analysis, and the problems of that sample only', async () => {
    const { message, config } = await loadMessageAt(smsFixtures, 'typographic-reminder');
    const sample = message.samples.find((candidate) => candidate.name === 'polish-name');
    const result = checkSmsSample(message, sample, smsCheckOptions(config))!;
    expect(result.sms.text).toBe('Hi \u0141ukasz, it\u2019s your reminder \u2013 see you at\u00a010:15.\nReply STOP to opt out, it\u2019s free.');
    // 49 characters on the first line, the line break, 33 on the second: 83, over one UCS-2 segment (70).
    expect(result.sms.analysis).toMatchObject({ encoding: 'UCS-2', characters: 83, segments: 2 });
    const files = result.diagnostics.map((diagnostic) => path.basename(diagnostic.file));
    // Four template characters (’ twice, –, no-break space) and Ł from this sample's data; the
    // quotes around the note belong to a branch this sample does not take.
    expect(files.sort()).toEqual(['polish-name.json', 'sms.txt', 'sms.txt', 'sms.txt', 'sms.txt']);
  });

  it('is undefined for a message without an SMS', async () => {
    const { message, config } = await writeMessage({
      'message.yaml': 'name: Email\nemail:\n  subject: Hi\n  from: "Shop <shop@example.com>"\n  body: email.html\n',
      'email.html': '<p>Hi</p>',
    });
    expect(checkSmsSample(message, undefined, smsCheckOptions(config))).toBeUndefined();
  });
});

describe('checkSmsMessage', () => {
  it('skips the rules txkit.config.yaml turns off', async () => {
    const files = {
      'message.yaml': 'name: Off\nsms:\n  to: "+14155552671"\nattributes:\n  customer:\n    name: { type: string, required: true, maxLength: 200 }\n',
      'sms.txt': 'It\u2019s {{ customer.name }}',
      'samples/standard.json': '{ "customer": { "name": "Sam" } }',
    };
    const ruleIds = async (config: string) => check(await writeMessage(files, config)).map((diagnostic) => diagnostic.ruleId);
    expect(await ruleIds('')).toEqual(['sms/encoding', 'sms/max-segments']);
    expect(await ruleIds('rules:\n  sms/encoding: "off"\n')).toEqual(['sms/max-segments']);
    expect(await ruleIds('rules:\n  sms/max-segments: "off"\n  sms/encoding: warning\n')).toEqual(['sms/encoding']);
  });

  it('checks the template alone when there are no samples, without reporting every attribute as missing', async () => {
    const loaded = await writeMessage({
      'message.yaml': 'name: No samples\nsms:\n  to: "{{ customer.phone }}"\n',
      'sms.txt': '{{ customer.greeting }}',
    });
    // No data: nothing says the body is empty or the recipient missing with real data.
    expect(check(loaded)).toEqual([]);
    await loaded.dir.write({ 'msg/sms.txt': 'Hi {{ customer.first_name }}, it\u2019s ready' });
    const reloaded = await loadMessageAt(loaded.dir.root, 'msg');
    expect(check(reloaded)).toEqual([expect.objectContaining({ ruleId: 'sms/encoding', message: expect.stringMatching(/^"\u2019"/) })]);
  });

  it('reports a syntax error once for all samples, and no rule that needs the rendered text', async () => {
    const loaded = await writeMessage({
      'message.yaml': 'name: Broken\nsms:\n  to: "+14155552671"\n',
      'sms.txt': 'Hi {% if customer.vip %}friend',
      'samples/a.json': '{ "customer": { "vip": true } }',
      'samples/b.json': '{ "customer": { "vip": false } }',
    });
    expect(check(loaded).map((diagnostic) => diagnostic.ruleId)).toEqual(['syntax/liquid']);
  });
});
