import { randomBytes } from 'node:crypto';
import { checkPhoneNumber } from '../sms/index.js';
import type { Message } from '../workspace/index.js';
import { customerioError } from './error-replies.js';
import { isFilledString, isRecord } from './json-values.js';
import { firstError, outboxEntry, refusedOutcome } from './outbox/record-send.js';
import type { SendRendering } from './outbox/render-send.js';
import { reply, type Reply, type Route, type RouteContext } from './router.js';
import { customerioContentTypeOf, unixSeconds, type CustomerioDelivery, type CustomerioMessage, type SandboxState } from './state.js';

type SendChannel = CustomerioDelivery['channel'];

const IDENTIFIER_KEYS = ['id', 'email', 'cio_id'];

/**
 * `language` "overrides language preferences for the person", one of Customer.io's "supported
 * two- or four-letter language codes" (sendEmail / sendSMS,
 * https://docs.customer.io/integrations/api/app/tag/transactional/sendEmail/;
 * /work/shared/reference/customerio-transactional-sms.md): `fr`, or a language and region `fr-CA`
 * (https://docs.customer.io/journeys/localization-attribute/).
 */
const LANGUAGE_CODE = /^[a-z]{2}(-[A-Za-z]{2})?$/;

/** A template by numeric id or by trigger name (case-insensitive), having content for the channel. */
function findTemplate(state: SandboxState, reference: unknown, channel: SendChannel): CustomerioMessage | undefined {
  const named = (message: CustomerioMessage) =>
    typeof reference === 'number'
      ? message.id === reference
      : isFilledString(reference) && (String(message.id) === reference || message.trigger_name.toLowerCase() === reference.toLowerCase());
  const hasContent = (message: CustomerioMessage) =>
    state.customerio.contents.get(message.id)?.some((content) => content.type === customerioContentTypeOf[channel]);
  return [...state.customerio.messages.values()].find((message) => named(message) && hasContent(message));
}

/** What is wrong with a send request; undefined when nothing is. */
function sendProblem(channel: SendChannel, body: unknown, state: SandboxState): Reply | undefined {
  if (!isRecord(body)) return customerioError(400, 'the request body must be a JSON object');
  const { identifiers, transactional_message_id: template } = body;
  const given = isRecord(identifiers) ? IDENTIFIER_KEYS.filter((key) => identifiers[key] !== undefined) : [];
  if (given.length !== 1) return customerioError(400, 'identifiers must hold exactly one of id, email, cio_id');
  // The WhatsApp route requires `to` too (https://docs.customer.io/integrations/api/app/tag/send-messages/sendWhatsApp/).
  if (channel !== 'sms' && !isFilledString(body.to)) return customerioError(400, 'to is required');
  if (body.language !== undefined && !(typeof body.language === 'string' && LANGUAGE_CODE.test(body.language))) {
    return customerioError(400, `language must be a two- or four-letter language code such as fr or fr-CA, not ${JSON.stringify(body.language)}`);
  }
  if (template === undefined) {
    // Only email may carry its own content; SMS and WhatsApp always need a template.
    if (channel !== 'email') return customerioError(400, 'transactional_message_id is required');
    const missing = ['body', 'subject', 'from'].filter((key) => !isFilledString(body[key]));
    return missing.length === 0 ? undefined : customerioError(400, `without transactional_message_id, ${missing.join(', ')} required`);
  }
  return findTemplate(state, template, channel) ? undefined : customerioError(400, `no transactional ${channel} message ${JSON.stringify(template)}`);
}

/**
 * A send Customer.io accepts answers 200 with a delivery at once; the delivery then renders the
 * template with `customer.*` (the person: here the identifiers, over the configured profile
 * sample) and `trigger.*` (`message_data`). A template printing an attribute the data lacks
 * fails the delivery, which never leaves Customer.io ("Failed and attempted messages",
 * https://docs.customer.io/journeys/message-failed); `GET /v1/messages/{delivery_id}` and the
 * outbox then show it.
 */
async function send(channel: SendChannel, context: RouteContext): Promise<Reply> {
  const { body, state, now } = context;
  const request = isRecord(body) ? body : {};
  const templateKey = request.transactional_message_id === undefined ? '' : String(request.transactional_message_id);
  const literalTo = isFilledString(request.to) && !request.to.includes('{{') ? request.to : undefined;
  const problem = sendProblem(channel, body, state) ?? (channel !== 'email' && literalTo !== undefined ? phoneProblem(literalTo) : undefined);
  if (problem) {
    const outcome = refusedOutcome(problem.status, problem.body);
    context.outbox.add(outboxEntry(context, { platform: 'customerio', channel, templateKey, recipient: literalTo ?? '', outcome }));
    return problem;
  }
  const template = findTemplate(state, request.transactional_message_id, channel);
  const identifiers = isRecord(request.identifiers) ? request.identifiers : {};
  const messageData = isRecord(request.message_data) ? request.message_data : {};
  const rendering: SendRendering = template
    ? await context.renderSend({
        channel,
        names: (message) => namesTemplate(customerioMessageId(message, channel), template),
        context: (profile) => ({ customer: { ...profile, ...identifiers }, trigger: messageData }),
        ...(literalTo !== undefined ? { to: literalTo } : {}),
        ...(typeof request.language === 'string' ? { language: request.language } : {}),
      })
    : { unrendered: 'the request carries its own body, subject and from instead of a transactional_message_id', diagnostics: [] };
  const recipient = literalTo ?? rendering.sms?.to ?? rendering.whatsapp?.to ?? '';
  const failure = deliveryFailure(rendering, recipient);
  const delivery = { delivery_id: randomBytes(18).toString('base64url'), queued_at: unixSeconds(now) };
  const subject = rendering.email?.subject ?? (typeof request.subject === 'string' ? request.subject : undefined);
  const accepted: CustomerioDelivery = {
    ...delivery,
    channel,
    request: request,
    recipient,
    ...(template ? { templateId: template.id } : {}),
    ...(subject !== undefined ? { subject } : {}),
    ...(failure ? { failure } : {}),
  };
  state.customerio.deliveries.push(accepted);
  context.events.notifyCustomerioSend(accepted);
  const outcome = failure ? { status: 'failed' as const, reason: failure } : { status: 'sent' as const };
  context.outbox.add(outboxEntry(context, { platform: 'customerio', channel, templateKey, messageKey: delivery.delivery_id, recipient, outcome, rendering }));
  return reply(200, delivery);
}

/**
 * Customer.io sends SMS to E.164 numbers only (shared/reference/customerio-transactional-sms.md,
 * "The to parameter"); WhatsApp's `to` is "E.164 format, like +15551234567, or Liquid" (sendWhatsApp).
 */
function phoneProblem(to: string): Reply | undefined {
  const check = checkPhoneNumber(to);
  return check.ok && check.e164 === to
    ? undefined
    : customerioError(400, `to must be a phone number in E.164 format, such as +15551234567: ${check.ok ? `use ${check.e164}` : check.message}`);
}

/** Why the delivery fails: the first render error, or an SMS or WhatsApp recipient that is no E.164 number. */
function deliveryFailure(rendering: SendRendering, recipient: string): string | undefined {
  const error = firstError(rendering.diagnostics);
  if (error) return `${error.message} (${error.ruleId})`;
  if ((rendering.sms ?? rendering.whatsapp) && !checkPhoneNumber(recipient).ok) return `the recipient "${recipient}" is not a phone number in E.164 format`;
  return undefined;
}

/** The transactional message id (or trigger name) a workspace message publishes its channel under. */
function customerioMessageId(message: Message, channel: SendChannel): number | string | undefined {
  const target = message.definition.targets.customerio;
  return channel === 'email' ? target?.transactionalMessageId : target?.[channel]?.transactionalMessageId;
}

/** A workspace reference names the template by its id or its trigger name (case-insensitive, as sends do). */
function namesTemplate(reference: number | string | undefined, template: CustomerioMessage): boolean {
  if (typeof reference === 'number') return reference === template.id;
  return typeof reference === 'string' && (reference === String(template.id) || reference.toLowerCase() === template.trigger_name.toLowerCase());
}

export const customerioSendRoutes: Route[] = (['email', 'sms', 'whatsapp'] as const).map((channel): Route => ({
  method: 'POST',
  path: `/v1/send/${channel}`,
  platform: 'customerio',
  kind: 'send',
  auth: 'customerio-send',
  handle: (context) => send(channel, context),
}));
