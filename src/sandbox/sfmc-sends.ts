import { randomUUID } from 'node:crypto';
import { MessagingCode, messagingInvalid as invalid, messagingNotFound } from './error-replies.js';
import { isFilledString, isRecord } from './json-values.js';
import { reply, type Reply, type Route, type RouteContext } from './router.js';
import { definitionNotFound, liveDefinition } from './sfmc-definitions.js';
import type { SfmcChannel, SfmcSentMessage } from './state.js';

/** A messageKey may not be reused within 72 hours in the business unit. */
const MESSAGE_KEY_WINDOW_MS = 72 * 60 * 60 * 1000;

/**
 * Addresses SFMC accepts. A malformed one is refused synchronously with 400 / 109121
 * InvalidValue_to (shared/docs/platform-api.md, "Other: … 109121 InvalidValue_to").
 */
const DELIVERABLE: Record<SfmcChannel, { address: RegExp }> = {
  email: { address: /^[^\s@]+@[^\s@]+\.[^\s@]+$/ },
  sms: { address: /^\+?\d{8,15}$/ },
};

/**
 * A well-formed address that cannot be delivered to (the reserved `.invalid` domain, RFC 2606)
 * is accepted and ends NotSent later, with a numeric statusCode as SFMC reports it.
 */
const UNDELIVERABLE = /\.invalid$/i;
const BOUNCED: SfmcSentMessage['notSent'] = { statusCode: 24, statusMessage: 'The recipient address does not exist.' };

/** POST /messaging/v1/{channel}/messages/{messageKey}: a single-recipient send. */
function send(channel: SfmcChannel, { params, body, state, now, options, events }: RouteContext): Reply {
  const messageKey = params.messageKey ?? '';
  if (messageKey.length > 100) return invalid('InvalidValue_messageKey: at most 100 characters');
  if (!isRecord(body)) return invalid('InvalidRequest: the body must be a JSON object');
  const { definitionKey, recipient } = body;
  if (!isFilledString(definitionKey)) {
    return invalid('MissingRequiredField_definitionKey', MessagingCode.missingDefinitionKey);
  }
  if (!liveDefinition(state, channel, definitionKey)) return definitionNotFound(channel, definitionKey);
  if (!isRecord(recipient)) return invalid('MissingRequiredField_recipient');
  if (!isFilledString(recipient.contactKey)) return invalid('MissingRequiredField_recipient.contactKey');
  if (typeof recipient.to !== 'string' || !DELIVERABLE[channel].address.test(recipient.to)) return invalid('InvalidValue_to', MessagingCode.invalidTo);
  const unknown = unknownAttribute(recipient.attributes, options.sfmc.knownAttributes);
  if (unknown !== undefined) return invalid(`UnknownFieldName: ${unknown}`, MessagingCode.unknownFieldName);
  const previous = state.sfmc.messages.get(messageKey);
  if (previous && now - previous.queuedAt < MESSAGE_KEY_WINDOW_MS) {
    const detail = `DuplicateMessageKey: ${messageKey} was used within the last 72 hours`;
    return invalid(detail, MessagingCode.duplicateMessageKey);
  }
  const requestId = randomUUID();
  const accepted: SfmcSentMessage = {
    channel,
    messageKey,
    definitionKey,
    recipient,
    requestId,
    queuedAt: now,
    ...(UNDELIVERABLE.test(recipient.to) ? { notSent: BOUNCED } : {}),
  };
  state.sfmc.messages.set(messageKey, accepted);
  events.notifySfmcSend(accepted);
  return reply(202, { requestId, errorcode: 0, responses: [{ messageKey }] });
}

/** The first send attribute the account has no field for (names compare case-insensitively, as AMPscript's do). */
function unknownAttribute(attributes: unknown, known: readonly string[] | undefined): string | undefined {
  if (!known || !isRecord(attributes)) return undefined;
  const names = new Set(known.map((name) => name.toLowerCase()));
  return Object.keys(attributes).find((name) => !names.has(name.toLowerCase()));
}

/** GET /messaging/v1/{channel}/messages/{messageKey}: Queued until processed, then Sent or NotSent. */
function sendStatus(channel: SfmcChannel, { params, state, options, now }: RouteContext): Reply {
  const messageKey = params.messageKey ?? '';
  const message = state.sfmc.messages.get(messageKey);
  if (message?.channel !== channel) {
    return messagingNotFound(`no ${channel} message with messageKey ${messageKey}`);
  }
  const processedAt = message.queuedAt + options.sendProcessingMs;
  const outcome = now < processedAt ? 'Queued' : message.notSent ? 'NotSent' : 'Sent';
  return reply(200, {
    requestId: randomUUID(),
    eventCategoryType: `TransactionalSendEvents.${channel === 'email' ? 'Email' : 'SMS'}${outcome}`,
    timestamp: outcome === 'Queued' ? message.queuedAt : processedAt,
    compositeId: message.requestId,
    info: {
      messageKey,
      contactKey: message.recipient.contactKey,
      to: message.recipient.to,
      ...(outcome === 'NotSent' ? message.notSent : {}),
    },
  });
}

export const sendRoutes: Route[] = (['email', 'sms'] as const).flatMap((channel): Route[] => {
  const path = `/messaging/v1/${channel}/messages/:messageKey`;
  const common = { platform: 'sfmc', auth: 'sfmc-token', rateLimit: 'sfmc', path } as const;
  return [
    { ...common, method: 'POST', kind: 'send', handle: (context) => send(channel, context) },
    { ...common, method: 'GET', kind: 'read', handle: (context) => sendStatus(channel, context) },
  ];
});
