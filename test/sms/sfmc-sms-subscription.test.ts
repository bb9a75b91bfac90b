import { describe, expect, it } from 'vitest';
import { positionOf } from '../helpers/text-position.js';
import { check, readText, writeMessage } from './sms-fixture.js';

const smsMessage = (sfmc: string) =>
  writeMessage({
    'message.yaml': `name: Delivery\nsms:\n  to: "+14155552671"\ntargets:\n${sfmc}`,
    'sms.txt': 'Your parcel is on its way',
  });

describe('sfmc/sms-subscription', () => {
  it('requires targets.sfmc.sms for an SMS message that targets SFMC, pointing at the sfmc key', async () => {
    const loaded = await smsMessage('  sfmc:\n    classification: Default Transactional\n');
    const yaml = await readText(loaded.file('message.yaml'));
    expect(check(loaded)).toEqual([
      {
        ruleId: 'sfmc/sms-subscription',
        severity: 'error',
        message:
          'the message has an SMS channel and targets SFMC, but targets.sfmc has no sms section: SFMC sends transactional SMS through an SMS send definition',
        file: loaded.file('message.yaml'),
        ...positionOf(yaml, 'sfmc:'),
        hint: 'add targets.sfmc.sms with definitionKey, shortCode and keyword (and countryCode for a short code)',
      },
    ]);
  });

  it('requires countryCode with a short code', async () => {
    const loaded = await smsMessage('  sfmc:\n    sms:\n      definitionKey: delivery-sms\n      shortCode: "88000"\n      keyword: SHIP\n');
    const yaml = await readText(loaded.file('message.yaml'));
    expect(check(loaded)).toEqual([
      expect.objectContaining({
        ruleId: 'sfmc/sms-subscription',
        message: 'shortCode "88000" is a short code, which works in one country only: targets.sfmc.sms needs its countryCode',
        ...positionOf(yaml, '"88000"'),
      }),
    ]);
  });

  it('accepts a short code with its country and a long code in E.164 form without one', async () => {
    expect(
      check(await smsMessage('  sfmc:\n    sms:\n      definitionKey: d\n      shortCode: "88000"\n      keyword: SHIP\n      countryCode: US\n')),
    ).toEqual([]);
    expect(check(await smsMessage('  sfmc:\n    sms:\n      definitionKey: d\n      shortCode: "+14155552671"\n      keyword: SHIP\n'))).toEqual([]);
  });

  it('rejects a long code that is not a valid E.164 number and a country code that does not exist', async () => {
    const longCode = await smsMessage('  sfmc:\n    sms:\n      definitionKey: d\n      shortCode: "+1555555555"\n      keyword: SHIP\n');
    expect(check(longCode)).toEqual([
      expect.objectContaining({
        ruleId: 'sfmc/sms-subscription',
        message: expect.stringMatching(/^shortCode is neither a short code \(up to 8 digits\) nor a long code in E\.164 form: "\+1555555555"/),
      }),
    ]);
    const country = await smsMessage('  sfmc:\n    sms:\n      definitionKey: d\n      shortCode: "88000"\n      keyword: SHIP\n      countryCode: XX\n');
    const yaml = await readText(country.file('message.yaml'));
    expect(check(country)).toEqual([
      expect.objectContaining({ ruleId: 'sfmc/sms-subscription', message: 'countryCode "XX" is not a country code', ...positionOf(yaml, 'XX') }),
    ]);
  });

  it('leaves messages alone that send no SMS through SFMC', async () => {
    expect(check(await smsMessage('  customerio:\n    sms:\n      transactionalMessageId: 7\n'))).toEqual([]);
    const emailOnly = await writeMessage({
      'message.yaml':
        'name: Email\nemail:\n  subject: Hi\n  from: "Shop <shop@example.com>"\n  body: email.html\ntargets:\n  sfmc:\n    definitionKey: email-only\n',
      'email.html': '<p>Hi</p>',
    });
    expect(check(emailOnly)).toEqual([]);
  });
});
