import { reply, type Platform, type Reply } from './router.js';

/** SFMC's REST error body: `{message, errorcode, documentation}`. */
export function sfmcError(status: number, errorcode: number, message: string): Reply {
  return reply(status, { message, errorcode, documentation: '' });
}

/** Customer.io's error body: `{meta: {error}}`. */
export function customerioError(status: number, error: string): Reply {
  return reply(status, { meta: { error } });
}

/** An error in the platform's own body shape, for failures both platforms share. */
export function platformError(platform: Platform, status: number, message: string): Reply {
  return platform === 'sfmc' ? sfmcError(status, 0, message) : customerioError(status, message);
}

/** 429 with Retry-After; SFMC's body carries errorcode 50100 and the same delay. */
export function rateLimited(platform: Platform, retryAfterSeconds: number): Reply {
  const headers = { 'Retry-After': String(retryAfterSeconds) };
  return platform === 'sfmc'
    ? reply(429, { message: 'Rate limit exceeded', errorcode: 50100, retryAfter: retryAfterSeconds }, headers)
    : reply(429, { meta: { error: 'Too many requests' } }, headers);
}

/**
 * Transactional Messaging error codes named in the documentation. It gives 10000-10005 as the
 * validation range without naming each; `validation` stands in where no specific code applies.
 */
export const MessagingCode = {
  validation: 10000,
  notFound: 30003,
  alreadyExists: 30004,
  responsesHaveErrors: 109001,
  noSubscribers: 109102,
  missingDefinitionKey: 109107,
  duplicateMessageKey: 109110,
  invalidOptions: 109112,
  invalidKeyword: 109115,
  missingKeyword: 109120,
  invalidTo: 109121,
  unknownFieldName: 109122,
} as const;

/** Transactional Messaging's 400: `MCMS_UTM_Validation_<detail>`. */
export function messagingInvalid(detail: string, errorcode: number = MessagingCode.validation): Reply {
  return sfmcError(400, errorcode, `MCMS_UTM_Validation_${detail}`);
}

/** Transactional Messaging's 404. */
export function messagingNotFound(detail: string): Reply {
  return sfmcError(404, MessagingCode.notFound, `MCMS_UTM_Runtime_ObjectNotFound: ${detail}`);
}

/** Transactional Messaging's 409. */
export function messagingAlreadyExists(detail: string): Reply {
  return sfmcError(409, MessagingCode.alreadyExists, `MCMS_UTM_Validation_ObjectAlreadyExists: ${detail}`);
}
