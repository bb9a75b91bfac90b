export { GSM7_BASIC_CHARS, GSM7_BASIC_TABLE, GSM7_ESCAPE, GSM7_EXTENSION_CHARS, isGsm7Char, isGsm7Text, septetsFor } from './gsm7.js';
export {
  analyzeSms,
  SEGMENT_LIMITS,
  type Gsm7Analysis,
  type SegmentLimits,
  type SmsAnalysis,
  type SmsEncoding,
  type SmsPart,
  type Ucs2Analysis,
  type Ucs2Character,
} from './segments.js';
export { applySmartEncoding, gsmReplacementFor, lookAlikeName } from './smart-encoding.js';
export { describeCharacter } from './describe-character.js';
export { checkPhoneNumber, type CountryCode, type PhoneCheck, type PhoneCheckOptions, type PhoneProblem } from './phone.js';
