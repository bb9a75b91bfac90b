import { randomUUID } from 'node:crypto';
import type { Message } from '../workspace/index.js';
import { renderUndefinedAttribute } from '../render/rules/index.js';
import { MessagingCode, messagingInvalid as invalid, messagingNotFound } from './error-replies.js';
import { isFilledString, isRecord, type JsonObject } from './json-values.js';
import { firstError, outboxEntry, refusedOutcome } from './outbox/record-send.js';
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
const BOUNCED: NotSent = { statusCode: 24, statusMessage: 'The recipient address does not exist.' };

/** POST /messaging/v1/{channel}/messages/{messageKey}: a single-recipient send. */
async function send(channel: SfmcChannel, context: RouteContext): Promise<Reply> {
  const { params, body } = context;
  const messageKey = params.messageKey ?? '';
  const definitionKey = isRecord(body) && typeof body.definitionKey === 'string' ? body.definitionKey : '';
  const recipient = isRecord(body) ? body.recipient : undefined;
  const refusal = requestRefusal(channel, body, context) ?? recipientRefusal(channel, messageKey, recipient, context);
  if (refusal) {
    recordRefusal(channel, context, { definitionKey, messageKey, recipient, refusal });
    return refusal;
  }
  const requestId = randomUUID();
  await accept(channel, context, { definitionKey, messageKey, recipient: recipient as SfmcRecipient, requestId });
  return reply(202, { requestId, errorcode: 0, responses: [{ messageKey }] });
}

/**
 * POST /messaging/v1/{channel}/messages/: one send per recipient, each with its own messageKey
 * (generated when absent) and `attributes` over the request's shared ones. A recipient SFMC
 * refuses does not stop the others: the answer is then errorcode 109001 ResponsesHasErrors with
 * that recipient's own code (https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/transactional-send-response).
 */
async function sendBatch(channel: SfmcChannel, context: RouteContext): Promise<Reply> {
  const { body } = context;
  const hasRecipients = isRecord(body) && Array.isArray(body.recipients) && body.recipients.length > 0;
  const refusal =
    requestRefusal(channel, body, context) ??
    (hasRecipients ? undefined : invalid('NoSubscribers: recipients must hold at least one recipient', MessagingCode.noSubscribers));
  const definitionKey = isRecord(body) && typeof body.definitionKey === 'string' ? body.definitionKey : '';
  if (refusal) {
    recordRefusal(channel, context, { definitionKey, recipient: undefined, refusal });
    return refusal;
  }
  const { recipients, attributes: shared } = body as JsonObject & { recipients: unknown[] };
  const requestId = randomUUID();
  const responses: JsonObject[] = [];
  for (const given of recipients) {
    const messageKey = isRecord(given) && typeof given.messageKey === 'string' ? given.messageKey : randomUUID();
    const recipient =
      isRecord(given) && isRecord(shared) ? { ...given, attributes: { ...shared, ...(isRecord(given.attributes) ? given.attributes : {}) } } : given;
    const problem = recipientRefusal(channel, messageKey, recipient, context);
    if (problem) {
      recordRefusal(channel, context, { definitionKey, messageKey, recipient, refusal: problem });
      const { errorcode, message } = problem.body as { errorcode: number; message: string };
      responses.push({ messageKey, errorcode, message });
      continue;
    }
    await accept(channel, context, { definitionKey, messageKey, recipient: recipient as SfmcRecipient, requestId });
    responses.push({ messageKey });
  }
  const failed = responses.some((response) => response.errorcode !== undefined);
  return reply(202, { requestId, errorcode: failed ? MessagingCode.responsesHaveErrors : 0, responses });
}

/** What SFMC refuses in the request as a whole: not an object, no definitionKey, no live definition with it. */
function requestRefusal(channel: SfmcChannel, body: unknown, { state }: RouteContext): Reply | undefined {
  if (!isRecord(body)) return invalid('InvalidRequest: the body must be a JSON object');
  const { definitionKey } = body;
  if (!isFilledString(definitionKey)) return invalid('MissingRequiredField_definitionKey', MessagingCode.missingDefinitionKey);
  return liveDefinition(state, channel, definitionKey) ? undefined : definitionNotFound(channel, definitionKey);
}

/** What SFMC refuses in one recipient: no contactKey, an address it cannot read, an unknown attribute, a messageKey used within 72 hours. */
function recipientRefusal(channel: SfmcChannel, messageKey: string, recipient: unknown, { state, now, options }: RouteContext): Reply | undefined {
  if (messageKey.length > 100) return invalid('InvalidValue_messageKey: at most 100 characters');
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
  return undefined;
}

type NotSent = NonNullable<SfmcSentMessage['notSent']>;

type SfmcRecipient = JsonObject & { contactKey: string; to: string };

/**
 * Queues an accepted send, rendered from the workspace as SFMC builds it: `recipient.attributes`
 * are flat strings read both as `trigger.*` and as `customer.*` (a path exports to its last name,
 * platforms/sfmc/sfmc-attributes.ts), and an attribute the data lacks prints empty — AttributeValue
 * and %%name%% return "" (shared/docs/platform-api.md, "AMPscript") — so it is a warning, not a
 * failure. Any other render error means SFMC could not build the message: it ends NotSent.
 */
async function accept(
  channel: SfmcChannel,
  context: RouteContext,
  send: { definitionKey: string; messageKey: string; recipient: SfmcRecipient; requestId: string },
): Promise<void> {
  const { definitionKey, messageKey, recipient, requestId } = send;
  // Queued before rendering (which waits on the disk): a request reusing the key meanwhile is a duplicate.
  const queued: SfmcSentMessage = { channel, messageKey, definitionKey, recipient, requestId, queuedAt: context.now };
  context.state.sfmc.messages.set(messageKey, queued);
  const attributes = isRecord(recipient.attributes) ? recipient.attributes : {};
  const rendered = await context.renderSend({
    channel,
    names: (message) => sfmcDefinitionKey(message, channel) === definitionKey,
    context: (profile) => ({ customer: { ...profile, ...attributes }, trigger: attributes }),
    to: recipient.to,
  });
  rendered.diagnostics = rendered.diagnostics.map((diagnostic) =>
    diagnostic.ruleId === renderUndefinedAttribute.meta.id ? { ...diagnostic, severity: 'warning' } : diagnostic,
  );
  const error = firstError(rendered.diagnostics);
  const notSent: NotSent | undefined = UNDELIVERABLE.test(recipient.to)
    ? BOUNCED
    : error
      ? { statusMessage: `The message could not be built: ${error.message}` }
      : undefined;
  if (notSent) queued.notSent = notSent;
  context.events.notifySfmcSend(queued);
  context.outbox.add(
    outboxEntry(context, {
      platform: 'sfmc',
      channel,
      templateKey: definitionKey,
      messageKey,
      recipient: recipient.to,
      outcome: notSent
        ? { status: 'failed', reason: notSent.statusMessage, ...(notSent.statusCode !== undefined ? { statusCode: notSent.statusCode } : {}) }
        : { status: 'sent' },
      rendering: rendered,
    }),
  );
}

function recordRefusal(
  channel: SfmcChannel,
  context: RouteContext,
  send: { definitionKey: string; messageKey?: string; recipient: unknown; refusal: Reply },
): void {
  const to = isRecord(send.recipient) && typeof send.recipient.to === 'string' ? send.recipient.to : '';
  context.outbox.add(
    outboxEntry(context, {
      platform: 'sfmc',
      channel,
      templateKey: send.definitionKey,
      ...(send.messageKey !== undefined ? { messageKey: send.messageKey } : {}),
      recipient: to,
      outcome: refusedOutcome(send.refusal.status, send.refusal.body),
    }),
  );
}

/** The definitionKey a workspace message publishes its channel under. */
function sfmcDefinitionKey(message: Message, channel: SfmcChannel): string | undefined {
  const target = message.definition.targets.sfmc;
  return channel === 'email' ? target?.definitionKey : target?.sms?.definitionKey;
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
  const messages = `/messaging/v1/${channel}/messages`;
  const common = { platform: 'sfmc', auth: 'sfmc-token', rateLimit: 'sfmc' } as const;
  const batch = { ...common, method: 'POST', kind: 'send', handle: (context: RouteContext) => sendBatch(channel, context) } as const;
  return [
    // The batch form is documented with a trailing slash; clients write it both ways.
    { ...batch, path: `${messages}/` },
    { ...batch, path: messages },
    { ...common, path: `${messages}/:messageKey`, method: 'POST', kind: 'send', handle: (context) => send(channel, context) },
    { ...common, path: `${messages}/:messageKey`, method: 'GET', kind: 'read', handle: (context) => sendStatus(channel, context) },
  ];
});
