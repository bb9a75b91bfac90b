export { checkSmsMessage, checkSmsSample, type SmsCheckOptions, type SmsSampleCheck } from './check-sms-message.js';
export { traceCharacterOrigins, type CharacterOrigin, type TraceOptions } from './character-origins.js';
