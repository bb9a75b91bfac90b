import { customerioError } from './error-replies.js';
import { isRecord, type JsonObject } from './json-values.js';
import { reply, type Reply, type Route, type RouteContext } from './router.js';
import { findById, unixSeconds, type CustomerioContent } from './state.js';

/** The fields PUT may set; it overwrites all of them, so a field left out is cleared. */
const WRITABLE_STRINGS = ['body', 'body_amp', 'preheader_text', 'recipient', 'subject'] as const;
const WRITABLE_IDS = ['from_id', 'reply_to_id'] as const;

/**
 * Read-only fields a client may echo back from a GET; they are ignored, as OpenAPI readOnly
 * implies. Any other unknown field is refused, so a misspelt field fails loudly instead of
 * silently clearing what it meant to set.
 */
const READ_ONLY = new Set([...['id', 'name', 'created', 'updated', 'language', 'type'], ...['from', 'reply_to', 'preprocessor', 'cc', 'bcc', 'fake_bcc']]);
const KNOWN = new Set<string>([...WRITABLE_STRINGS, ...WRITABLE_IDS, 'headers', ...READ_ONLY]);

function notFound(what: string): Reply {
  return customerioError(404, `${what} not found`);
}

/** What is wrong with a PUT body; undefined when nothing is. */
function contentUpdateProblem(body: unknown): Reply | undefined {
  if (!isRecord(body)) return customerioError(400, 'the request body must be a JSON object');
  const unknown = Object.keys(body).find((key) => !KNOWN.has(key));
  if (unknown !== undefined) return customerioError(400, `unknown field "${unknown}"`);
  const badString = WRITABLE_STRINGS.find((key) => body[key] !== undefined && typeof body[key] !== 'string');
  if (badString !== undefined) return customerioError(400, `${badString} must be a string`);
  const badId = WRITABLE_IDS.find((key) => body[key] != null && !Number.isInteger(body[key]));
  if (badId !== undefined) return customerioError(400, `${badId} must be an integer`);
  const { headers } = body;
  const header = (value: unknown) => isRecord(value) && typeof value.name === 'string' && typeof value.value === 'string';
  if (headers !== undefined && !(Array.isArray(headers) && headers.every(header))) {
    return customerioError(400, 'headers must be an array of {name, value} strings');
  }
  return undefined;
}

/** Full overwrite of the writable fields; headers are stored as the JSON string GET returns. */
function overwriteContent(content: CustomerioContent, body: JsonObject, now: number): CustomerioContent {
  const text = (key: (typeof WRITABLE_STRINGS)[number]) => (body[key] as string | undefined) ?? '';
  const id = (key: (typeof WRITABLE_IDS)[number]) => (body[key] as number | null | undefined) ?? null;
  return {
    ...content,
    body: text('body'),
    body_amp: text('body_amp'),
    preheader_text: text('preheader_text'),
    recipient: text('recipient'),
    subject: text('subject'),
    from_id: id('from_id'),
    reply_to_id: id('reply_to_id'),
    headers: JSON.stringify(body.headers ?? []),
    updated: unixSeconds(now),
  };
}

/** The variant a path names, by content id or by language ('' is the default language). */
type VariantSelector = (params: Record<string, string>) => (content: CustomerioContent) => boolean;
const byContentId: VariantSelector =
  ({ contentId }) =>
  (content) =>
    String(content.id) === contentId;
const byLanguage: VariantSelector =
  ({ language }) =>
  (content) =>
    content.language === language;

function getVariant(select: VariantSelector) {
  return ({ params, state }: RouteContext): Reply => {
    const message = findById(state.customerio.messages, params.id);
    if (!message) return notFound(`transactional message ${params.id}`);
    const content = state.customerio.contents.get(message.id)?.find(select(params));
    return content ? reply(200, { content }) : notFound(`content variant of transactional message ${message.id}`);
  };
}

function putVariant(select: VariantSelector) {
  return ({ params, body, state, now }: RouteContext): Reply => {
    const message = findById(state.customerio.messages, params.id);
    if (!message) return notFound(`transactional message ${params.id}`);
    const variants = state.customerio.contents.get(message.id) ?? [];
    const index = variants.findIndex(select(params));
    const previous = variants[index];
    if (!previous) return notFound(`content variant of transactional message ${message.id}`);
    const problem = contentUpdateProblem(body);
    if (problem) return problem;
    const content = overwriteContent(previous, body as JsonObject, now);
    variants[index] = content;
    message.updated_at = content.updated;
    return reply(200, { content });
  };
}

const app = { platform: 'customerio', auth: 'customerio-app', rateLimit: 'customerio-app' } as const;
const MESSAGE = '/v1/transactional/:id';

export const customerioTransactionalRoutes: Route[] = [
  {
    ...app,
    method: 'GET',
    path: '/v1/transactional',
    kind: 'read',
    // The documented list answer has no trigger_name (https://docs.customer.io/integrations/api/app/tag/transactional/listTransactional/).
    handle: ({ state }) => reply(200, { messages: [...state.customerio.messages.values()].map(({ trigger_name: _unlisted, ...listed }) => listed) }),
  },
  {
    ...app,
    method: 'GET',
    path: MESSAGE,
    kind: 'read',
    handle: ({ params, state }) => {
      const message = findById(state.customerio.messages, params.id);
      if (!message) return notFound(`transactional message ${params.id}`);
      // The reference's example answer shows no trigger_name either; the emulator gives it here
      // when one is set, as the setting's only read-back, and txkit works with or without it.
      const { trigger_name, ...fields } = message;
      return reply(200, { message: trigger_name ? { ...fields, trigger_name } : fields });
    },
  },
  {
    ...app,
    method: 'GET',
    path: `${MESSAGE}/contents`,
    kind: 'read',
    handle: ({ params, state }) => {
      const message = findById(state.customerio.messages, params.id);
      if (!message) return notFound(`transactional message ${params.id}`);
      return reply(200, { contents: state.customerio.contents.get(message.id) ?? [] });
    },
  },
  { ...app, method: 'PUT', path: `${MESSAGE}/content/:contentId`, kind: 'write', handle: putVariant(byContentId) },
  { ...app, method: 'GET', path: `${MESSAGE}/language/:language`, kind: 'read', handle: getVariant(byLanguage) },
  { ...app, method: 'PUT', path: `${MESSAGE}/language/:language`, kind: 'write', handle: putVariant(byLanguage) },
];
