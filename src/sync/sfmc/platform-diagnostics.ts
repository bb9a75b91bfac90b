import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Message, PathSegment } from '../../workspace/index.js';
import type { PlatformError } from '../platform-error.js';

export const PLATFORM_ERROR = 'sfmc/platform-error';

export type SfmcObjectKind = 'asset' | 'email-definition' | 'sms-definition';

/**
 * Which message.yaml setting an SFMC error is about, from the field names SFMC puts in its
 * messages (`MCMS_UTM_Validation_MissingRequiredField_keyword`, "Customer Key must be unique").
 * First match wins; the SMS settings live under targets.sfmc.sms.
 */
const FIELDS: readonly { pattern: RegExp; email: PathSegment[]; sms?: PathSegment[] }[] = [
  { pattern: /keyword/i, email: ['sms', 'keyword'], sms: ['sms', 'keyword'] },
  { pattern: /shortCode/i, email: ['sms', 'shortCode'], sms: ['sms', 'shortCode'] },
  { pattern: /countryCode/i, email: ['sms', 'countryCode'], sms: ['sms', 'countryCode'] },
  { pattern: /definitionKey/i, email: ['definitionKey'], sms: ['sms', 'definitionKey'] },
  { pattern: /customer ?key/i, email: ['customerKey'] },
  { pattern: /classification/i, email: ['classification'] },
  { pattern: /subscriptions|\blist\b|dataExtension/i, email: ['subscriptions'] },
  { pattern: /options|trackLinks/i, email: ['trackLinks'] },
  { pattern: /categor/i, email: ['categoryId'] },
  { pattern: /status/i, email: ['status'], sms: ['sms', 'status'] },
  { pattern: /\bname/i, email: ['name'], sms: ['sms', 'name'] },
];

function settingFor(text: string, kind: SfmcObjectKind): PathSegment[] {
  const field = FIELDS.find(({ pattern }) => pattern.test(text));
  if (kind === 'sms-definition') return ['targets', 'sfmc', ...(field?.sms ?? ['sms'])];
  return ['targets', 'sfmc', ...(field?.email ?? [])];
}

/**
 * An SFMC refusal as diagnostics on the message's message.yaml, one per validation error,
 * each at the setting it names (targets.sfmc otherwise): the platform's text, its errorcode.
 */
export function platformErrorDiagnostics(message: Message, kind: SfmcObjectKind, key: string, error: PlatformError): Diagnostic[] {
  const { status, code, fields } = error.details;
  // Content Builder repeats its first validation error as `message`: the list says it all.
  const texts = fields?.length ? [...new Set(fields)] : [error.message.replace(/^.*? → \d+: /, '')];
  // Without a status SFMC never answered (the connection dropped, retries ran out): nothing to fix here.
  const answered = status !== undefined;
  return texts.map((text) => ({
    ruleId: PLATFORM_ERROR,
    severity: 'error',
    message: answered
      ? `SFMC refused ${kind} ${key}: ${text}${code !== undefined && code !== 0 ? ` (errorcode ${code})` : ` (HTTP ${status})`}`
      : `${kind} ${key} was not written: ${text}`,
    hint: answered
      ? 'fix the setting in message.yaml (or the object in SFMC) and push again'
      : 'push again: the plan is read from SFMC anew, so it picks up where this one stopped',
    file: message.file,
    ...message.document.locate(settingFor(text, kind), 'key'),
  }));
}
