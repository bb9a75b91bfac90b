import { describe, expect, it } from 'vitest';
import { checkPhoneNumber, type PhoneCheck } from '../../src/sms/index.js';

// Numbers are written from each country's published numbering plan (country code, national
// significant number length, mobile / geographic prefixes), not taken from the library.

function failure(check: PhoneCheck): Extract<PhoneCheck, { ok: false }> {
  if (check.ok) throw new Error(`expected a failure, got ${check.e164}`);
  return check;
}

describe('checkPhoneNumber: valid E.164', () => {
  it.each([
    ['+14155552671', 'US'], // San Francisco, NANP: 1 + 10 digits
    ['+12125550123', 'US'], // New York
    ['+447400123456', 'GB'], // UK mobile 07400 123456
    ['+442079460958', 'GB'], // London 020 7946 0958
    ['+4930123456', 'DE'], // Berlin 030 123456
    ['+4915123456789', 'DE'], // German mobile 0151 23456789
    ['+33612345678', 'FR'], // French mobile 06 12 34 56 78
    ['+919876543210', 'IN'], // Indian mobile, 10 digits starting with 9
    ['+5511912345678', 'BR'], // São Paulo mobile (11) 91234-5678
    ['+61412345678', 'AU'], // Australian mobile 0412 345 678
    ['+81312345678', 'JP'], // Tokyo 03-1234-5678
    ['+819012345678', 'JP'], // Japanese mobile 090-1234-5678
  ])('accepts %s (%s)', (value, region) => {
    expect(checkPhoneNumber(value)).toEqual({ ok: true, e164: value, region });
  });

  it('ignores the default region for a number that carries its country code', () => {
    expect(checkPhoneNumber('+33612345678', { defaultRegion: 'US' })).toEqual({
      ok: true,
      e164: '+33612345678',
      region: 'FR',
    });
  });
});

describe('checkPhoneNumber: wrong length or range', () => {
  it.each([
    '+1415555267', // NANP needs 10 digits after +1: 9
    '+141555526712', // 11
    '+336123456789', // French numbers have 9 digits after +33: 10
    '+6141234567', // Australian mobiles have 9 digits after +61: 8
  ])('rejects %s as invalid for its region', (value) => {
    const check = failure(checkPhoneNumber(value));
    expect(check.reason).toBe('invalid-for-region');
    expect(check.message).toContain(value);
    expect(check.suggestion).toBeUndefined();
  });

  it('rejects a number of the right length in an unassigned range (+1 555 area code)', () => {
    expect(failure(checkPhoneNumber('+15555555555')).reason).toBe('invalid-for-region');
  });

  it('rejects a country calling code nobody uses (+999)', () => {
    expect(failure(checkPhoneNumber('+999123456')).reason).toBe('invalid-for-region');
  });

  it('rejects more than 15 digits', () => {
    expect(checkPhoneNumber('+1234567890123456').ok).toBe(false);
  });
});

describe('checkPhoneNumber: valid numbers written another way', () => {
  it.each([
    ['+1 415 555 2671', '+14155552671'],
    ['+1 (415) 555-2671', '+14155552671'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+49 30 123456', '+4930123456'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['+33.6.12.34.56.78', '+33612345678'],
    [' +14155552671 ', '+14155552671'],
  ])('suggests the compact form of %j', (value, e164) => {
    const check = failure(checkPhoneNumber(value));
    expect(check.reason).toBe('not-e164');
    expect(check.suggestion).toBe(e164);
    expect(check.message).toContain(e164);
  });

  it.each([
    ['14155552671', '+14155552671'],
    ['447400123456', '+447400123456'],
    ['33612345678', '+33612345678'],
  ])('suggests adding the missing + to %j', (value, e164) => {
    const check = failure(checkPhoneNumber(value));
    expect(check.reason).toBe('not-e164');
    expect(check.suggestion).toBe(e164);
  });

  it('suggests + for the 00 international prefix', () => {
    expect(failure(checkPhoneNumber('0044 20 7946 0958')).suggestion).toBe('+442079460958');
  });

  it('suggests dropping the trunk 0 written after the country code', () => {
    expect(failure(checkPhoneNumber('+44 (0)20 7946 0958')).suggestion).toBe('+442079460958');
    const check = failure(checkPhoneNumber('+4402079460958'));
    expect(check.reason).toBe('not-e164');
    expect(check.suggestion).toBe('+442079460958');
  });

  it.each([
    ['(415) 555-2671', 'US', '+14155552671'],
    ['415-555-2671', 'US', '+14155552671'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['07400 123456', 'GB', '+447400123456'],
    ['030 123456', 'DE', '+4930123456'],
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['0412 345 678', 'AU', '+61412345678'],
    ['03-1234-5678', 'JP', '+81312345678'],
  ] as const)('reads national %j with default region %s as %s', (value, defaultRegion, e164) => {
    const check = failure(checkPhoneNumber(value, { defaultRegion }));
    expect(check.reason).toBe('not-e164');
    expect(check.suggestion).toBe(e164);
    expect(check.message).toContain(value);
  });

  it('prefers the default region over reading the digits as a country code', () => {
    // "+4155552671" would start with Switzerland's +41.
    expect(failure(checkPhoneNumber('4155552671', { defaultRegion: 'US' })).suggestion).toBe('+14155552671');
  });

  it('cannot suggest anything for a national number without a default region', () => {
    const check = failure(checkPhoneNumber('(415) 555-2671'));
    expect(check.reason).toBe('not-e164');
    expect(check.suggestion).toBeUndefined();
  });

  it('reports a national number too short for the default region as invalid', () => {
    const check = failure(checkPhoneNumber('(415) 555-267', { defaultRegion: 'US' }));
    expect(check.reason).toBe('invalid-for-region');
    expect(check.suggestion).toBeUndefined();
  });
});

describe('checkPhoneNumber: not E.164 at all', () => {
  it.each(['+044 20 7946 0958', '+04420794609', '+0'])('rejects a country code starting with 0: %j', (value) => {
    const check = failure(checkPhoneNumber(value));
    expect(check.reason).toBe('not-e164');
    expect(check.message).toMatch(/never start with 0/);
  });

  it.each(['', '   '])('reports %j as empty', (value) => {
    expect(failure(checkPhoneNumber(value)).reason).toBe('empty');
  });

  it.each(['n/a', '{{ customer.phone }}', '+1 415 CALL NOW', '+'])('reports %j as unparseable', (value) => {
    expect(failure(checkPhoneNumber(value)).reason).toBe('unparseable');
  });
});
