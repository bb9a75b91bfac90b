import { isSupportedCountry } from 'libphonenumber-js/max';
import type { CheckRule, Diagnostic } from '../../diagnostics/index.js';
import type { Message, PathSegment } from '../../workspace/index.js';
import { checkPhoneNumber, type PhoneCheckOptions } from '../phone.js';
import type { SmsMessageFacts } from '../check/sms-check-context.js';

/** SFMC short codes are up to 8 digits; anything else is a long code, an E.164 number. */
const SHORT_CODE = /^\d{1,8}$/;

/**
 * A message with an SMS channel that targets SFMC needs the SMS send definition's subscription
 * (`targets.sfmc.sms`: short code and keyword, which the schema requires once the section
 * exists), and a short code needs the country it serves.
 */
export const sfmcSmsSubscription: CheckRule<SmsMessageFacts> = {
  meta: {
    id: 'sfmc/sms-subscription',
    defaultSeverity: 'error',
    docs: 'an SMS message that targets SFMC has an SMS send definition (targets.sfmc.sms) with a valid short or long code',
  },
  check({ message, phone }) {
    return subscriptionProblems(message, phone);
  },
};

function subscriptionProblems(message: Message, phone: PhoneCheckOptions): Diagnostic[] {
  const target = message.definition.targets.sfmc;
  if (!message.definition.sms || !target) return [];
  const problem = (path: PathSegment[], text: string, hint: string, at: 'key' | 'value' = 'value'): Diagnostic[] => [
    {
      ruleId: sfmcSmsSubscription.meta.id,
      severity: sfmcSmsSubscription.meta.defaultSeverity,
      message: text,
      file: message.file,
      ...message.document.locate(path, at),
      hint,
    },
  ];
  if (!target.sms) {
    return problem(
      ['targets', 'sfmc'],
      'the message has an SMS channel and targets SFMC, but targets.sfmc has no sms section: SFMC sends transactional SMS through an SMS send definition',
      'add targets.sfmc.sms with definitionKey, shortCode and keyword (and countryCode for a short code)',
      'key',
    );
  }
  const { shortCode, countryCode } = target.sms;
  const shortCodePath = ['targets', 'sfmc', 'sms', 'shortCode'];
  if (!SHORT_CODE.test(shortCode)) {
    const check = checkPhoneNumber(shortCode, phone);
    if (check.ok) return [];
    return problem(
      shortCodePath,
      `shortCode is neither a short code (up to 8 digits) nor a long code in E.164 form: ${check.message}`,
      check.suggestion === undefined ? 'use the short code or the long code (E.164) SFMC assigned to the account' : `write shortCode: "${check.suggestion}"`,
    );
  }
  if (countryCode === undefined) {
    return problem(
      shortCodePath,
      `shortCode "${shortCode}" is a short code, which works in one country only: targets.sfmc.sms needs its countryCode`,
      'add countryCode with the two-letter code of the country the short code serves, such as countryCode: US',
    );
  }
  if (!isSupportedCountry(countryCode)) {
    return problem(
      ['targets', 'sfmc', 'sms', 'countryCode'],
      `countryCode "${countryCode}" is not a country code`,
      'use the two-letter ISO 3166 code in capitals, such as US',
    );
  }
  return [];
}
