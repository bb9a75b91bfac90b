import { getCountryCallingCode, parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';

export type { CountryCode };

export type PhoneProblem = 'not-e164' | 'invalid-for-region' | 'unparseable' | 'empty';

export type PhoneCheck =
  | {
      ok: true;
      e164: string;
      /** `undefined` for non-geographic numbers such as +800 freephone. */
      region: CountryCode | undefined;
    }
  | {
      ok: false;
      reason: PhoneProblem;
      /** What is wrong and how to fix it, quoting the value. */
      message: string;
      /** The E.164 form of the number, when the value could only be read one valid way. */
      suggestion?: string;
    };

export interface PhoneCheckOptions {
  /** Region of numbers written without a country code: "(415) 555-2671" with 'US'. */
  defaultRegion?: CountryCode;
}

/** `+`, a country code (never starting with 0), at most 15 digits in all, nothing else. */
const E164_PATTERN = /^\+[1-9]\d{1,14}$/;
/** What people put between digits: any space, dots, hyphens and dashes, slashes, parentheses. */
const VISUAL_SEPARATORS = /[\s.\-\u2010-\u2015/()]/gu;
const PLUS_AND_DIGITS = /^\+?\d+$/;
const EXAMPLE = '+14155552671';

/**
 * Checks that `value` is a strict E.164 number valid for its region (full libphonenumber
 * metadata, so a number of the right length in an unassigned range is rejected), and says
 * how to fix it when it is not. Valid numbers written another way (spaces, no "+", national
 * format with `defaultRegion`, 00 prefix) are `not-e164` with the E.164 form as `suggestion`.
 */
export function checkPhoneNumber(value: string, options: PhoneCheckOptions = {}): PhoneCheck {
  if (value.trim() === '') {
    return problem('empty', `The phone number is empty: SMS needs one in E.164 form, such as ${EXAMPLE}.`);
  }
  if (E164_PATTERN.test(value)) return checkE164Form(value);
  return diagnoseOtherForm(value, options.defaultRegion);
}

function checkE164Form(value: string): PhoneCheck {
  const reading = readInternational(value);
  if (!reading.valid) return problem('invalid-for-region', `"${value}" ${reading.problem}.`);
  if (reading.e164 !== value) {
    // libphonenumber dropped something, e.g. the trunk 0 in +44 07911…, which is not dialled from abroad.
    return problem('not-e164', `"${value}" keeps a national prefix after the country code, which E.164 leaves out: use ${reading.e164}.`, reading.e164);
  }
  return { ok: true, e164: value, region: reading.region };
}

function diagnoseOtherForm(value: string, defaultRegion: CountryCode | undefined): PhoneCheck {
  const compact = value.replace(VISUAL_SEPARATORS, '');
  if (!PLUS_AND_DIGITS.test(compact)) {
    return problem('unparseable', `"${value}" is not a phone number (expected digits, optionally after "+"): write it in E.164 form, such as ${EXAMPLE}.`);
  }
  if (compact.startsWith('+0')) {
    return problem(
      'not-e164',
      `"${value}" has a 0 right after "+", but country calling codes never start with 0: remove it (a 00 or 0 dialling prefix is not part of E.164).`,
    );
  }

  // When no reading is valid and the value names its region (a "+", or the default region's
  // national format), the number itself is wrong; otherwise the country code is missing.
  let statedRegionProblem: string | undefined;
  for (const { e164, fault, statesRegion } of interpretationsOf(compact, defaultRegion)) {
    const reading = readInternational(e164);
    if (reading.valid) return problem('not-e164', `"${value}" ${fault}: use ${reading.e164}.`, reading.e164);
    if (statesRegion) statedRegionProblem ??= reading.problem;
  }
  if (statedRegionProblem !== undefined) {
    return problem('invalid-for-region', `"${value}" ${statedRegionProblem}.`);
  }
  const regionAdvice = defaultRegion === undefined ? ', or set a default region for national numbers' : '';
  return problem('not-e164', `"${value}" has no country code: write it in E.164 form, "+" then country code and number, such as ${EXAMPLE}${regionAdvice}.`);
}

/** One way to read the value as an international number, and what was wrong with how it was written. */
interface Interpretation {
  e164: string;
  fault: string;
  /** The value itself says which region it belongs to (so an invalid reading is a wrong number). */
  statesRegion: boolean;
}

function interpretationsOf(compact: string, defaultRegion: CountryCode | undefined): Interpretation[] {
  if (compact.startsWith('+')) {
    return [{ e164: compact, fault: 'contains spaces or punctuation, but E.164 is "+" and digits only', statesRegion: true }];
  }
  const interpretations: Interpretation[] = [];
  // With a default region the national reading comes first: "4155552671" is a US number,
  // even though "+4155552671" would start with Switzerland's +41.
  const national = defaultRegion === undefined ? undefined : nationalInterpretation(compact, defaultRegion);
  if (national !== undefined) interpretations.push(national);
  interpretations.push(
    compact.startsWith('00')
      ? { e164: `+${compact.slice(2)}`, fault: 'starts with the 00 dialling prefix, but E.164 starts with "+"', statesRegion: false }
      : { e164: `+${compact}`, fault: 'is missing the "+" before the country code', statesRegion: false },
  );
  return interpretations;
}

function nationalInterpretation(compact: string, region: CountryCode): Interpretation | undefined {
  const parsed = parsePhoneNumberFromString(compact, { defaultCountry: region, extract: false });
  if (parsed === undefined) return undefined;
  // libphonenumber also reads the region's international dialling prefix (011 in the US).
  const fault =
    parsed.countryCallingCode === getCountryCallingCode(region)
      ? `is in ${region} national format, but SMS needs the international E.164 form`
      : 'starts with an international dialling prefix, but E.164 starts with "+"';
  return { e164: parsed.number, fault, statesRegion: true };
}

type InternationalReading =
  | { valid: true; e164: string; region: CountryCode | undefined }
  /** `problem` completes a sentence that starts with the quoted value. */
  | { valid: false; problem: string };

function readInternational(candidate: string): InternationalReading {
  const parsed = parsePhoneNumberFromString(candidate, { extract: false });
  if (parsed?.isValid()) return { valid: true, e164: parsed.number, region: parsed.country };
  return { valid: false, problem: describeInvalidNumber(candidate, parsed) };
}

function describeInvalidNumber(candidate: string, parsed: PhoneNumber | undefined): string {
  const name = parsed === undefined ? 'phone number' : numberName(parsed);
  switch (validatePhoneNumberLength(candidate)) {
    case 'INVALID_COUNTRY':
      return 'does not start with a country calling code in use: check the digits right after "+"';
    case 'TOO_SHORT':
      return `is too short for a ${name}: check for a missing digit`;
    case 'TOO_LONG':
      return `is too long for a ${name}: check for an extra digit`;
    case 'INVALID_LENGTH':
      return `does not have as many digits as a ${name}: check for a missing or extra digit`;
    default:
      return `is not a valid ${name}: no number range in use starts like it, check the digits`;
  }
}

/** "US number (+1)", or "number with country code +1" when the digits fit no single region. */
function numberName(parsed: PhoneNumber): string {
  return parsed.country === undefined ? `number with country code +${parsed.countryCallingCode}` : `${parsed.country} number (+${parsed.countryCallingCode})`;
}

function problem(reason: PhoneProblem, message: string, suggestion?: string): PhoneCheck {
  return suggestion === undefined ? { ok: false, reason, message } : { ok: false, reason, message, suggestion };
}
