import { randomBytes } from 'node:crypto';
import { customerioError } from './error-replies.js';
import { isFilledString, isRecord, type JsonObject } from './json-values.js';
import { reply, type Reply, type Route, type RouteContext } from './router.js';
import { unixSeconds, type CustomerioContentType, type CustomerioMessage, type SandboxState } from './state.js';

type SendChannel = 'email' | 'sms';

/** The content a template needs for each channel (SMS content is a `twilio` action). */
const CONTENT_TYPE: Record<SendChannel, CustomerioContentType> = { email: 'email', sms: 'twilio' };

const IDENTIFIER_KEYS = ['id', 'email', 'cio_id'];

/** A template by numeric id or by trigger name (case-insensitive), having content for the channel. */
function findTemplate(state: SandboxState, reference: unknown, channel: SendChannel): CustomerioMessage | undefined {
  const named = (message: CustomerioMessage) =>
    typeof reference === 'number'
      ? message.id === reference
      : isFilledString(reference) &&
        (String(message.id) === reference || message.trigger_name.toLowerCase() === reference.toLowerCase());
  const hasContent = (message: CustomerioMessage) =>
    state.customerio.contents.get(message.id)?.some((content) => content.type === CONTENT_TYPE[channel]);
  return [...state.customerio.messages.values()].find((message) => named(message) && hasContent(message));
}

/** What is wrong with a send request; undefined when nothing is. */
function sendProblem(channel: SendChannel, body: unknown, state: SandboxState): Reply | undefined {
  if (!isRecord(body)) return customerioError(400, 'the request body must be a JSON object');
  const { identifiers, transactional_message_id: template } = body;
  const given = isRecord(identifiers) ? IDENTIFIER_KEYS.filter((key) => identifiers[key] !== undefined) : [];
  if (given.length !== 1) return customerioError(400, 'identifiers must hold exactly one of id, email, cio_id');
  if (channel === 'email' && !isFilledString(body.to)) return customerioError(400, 'to is required');
  if (template === undefined) {
    // Only email may carry its own content; SMS always needs a template.
    if (channel === 'sms') return customerioError(400, 'transactional_message_id is required');
    const missing = ['body', 'subject', 'from'].filter((key) => !isFilledString(body[key]));
    return missing.length === 0
      ? undefined
      : customerioError(400, `without transactional_message_id, ${missing.join(', ')} required`);
  }
  return findTemplate(state, template, channel)
    ? undefined
    : customerioError(400, `no transactional ${channel} message ${JSON.stringify(template)}`);
}

function send(channel: SendChannel, { body, state, now, events }: RouteContext): Reply {
  const problem = sendProblem(channel, body, state);
  if (problem) return problem;
  const delivery = {
    delivery_id: randomBytes(18).toString('base64url'),
    queued_at: unixSeconds(now),
  };
  const accepted = { ...delivery, channel, request: body as JsonObject };
  state.customerio.deliveries.push(accepted);
  events.notifyCustomerioSend(accepted);
  return reply(200, delivery);
}

export const customerioSendRoutes: Route[] = (['email', 'sms'] as const).map(
  (channel): Route => ({
    method: 'POST',
    path: `/v1/send/${channel}`,
    platform: 'customerio',
    kind: 'send',
    auth: 'customerio-send',
    handle: (context) => send(channel, context),
  }),
);
