import { z } from 'zod';
import { createHttpClient, type RetryPolicy } from '../http-client.js';
import { createEnsApi } from './ens-api.js';
import type { SfmcSession } from './sfmc-session.js';

export type SfmcChannel = 'email' | 'sms';

/** A JSON object as SFMC returns it. */
export type SfmcObject = Record<string, unknown>;

/** A Content Builder asset as read back: the fields txkit wrote plus those SFMC adds (`id` among them). */
export interface RemoteAsset extends SfmcObject {
  id: number;
  customerKey: string;
}

export interface DefinitionSummary {
  definitionKey: string;
  name: string;
  status: string;
}

export interface ApiOptions {
  secrets: readonly string[];
  retry?: RetryPolicy;
  /** The command's deadline (`--timeout`). */
  deadline?: AbortSignal;
}

/**
 * The answers txkit reads, as the recorded responses show them (test/fixtures/sfmc-recorded):
 * only the fields txkit relies on are required, the rest pass through untouched.
 */
const anObject = z.looseObject({});
const assetPage = z.looseObject({ items: z.array(z.looseObject({ id: z.number(), customerKey: z.string() })) });
const definition = z.looseObject({ definitionKey: z.string() });
const definitionPage = z.looseObject({
  definitions: z.array(z.looseObject({ definitionKey: z.string(), name: z.string(), status: z.string() })).optional(),
  count: z.number().optional(),
});
/** POST /messaging/v1/{channel}/messages/{messageKey}: `responses` per recipient, with an errorcode when refused. */
const sendAnswer = z.looseObject({
  errorcode: z.number().optional(),
  message: z.string().optional(),
  responses: z.array(z.looseObject({ messageKey: z.string().optional(), errorcode: z.number().optional(), message: z.string().optional() })).optional(),
});
export type SendAnswer = z.infer<typeof sendAnswer>;
/** GET /messaging/v1/{channel}/messages/{messageKey}: the event, and `info` with a numeric statusCode. */
const statusAnswer = z.looseObject({
  eventCategoryType: z.string().optional(),
  info: z.looseObject({ statusCode: z.union([z.number(), z.string()]).optional(), statusMessage: z.string().optional() }).optional(),
});
export type StatusAnswer = z.infer<typeof statusAnswer>;

const ASSETS = 'asset/v1/content/assets';
const definitions = (channel: SfmcChannel) => `messaging/v1/${channel}/definitions`;
const messages = (channel: SfmcChannel) => `messaging/v1/${channel}/messages`;

/**
 * SFMC's error bodies: `{message, errorcode, documentation}` (Transactional Messaging) and
 * Content Builder's `{message, errorcode, validationErrors: [{message, errorcode}]}`, sometimes
 * `errors: [{message}]`.
 */
export function describeSfmcError(body: unknown): { message?: string; code?: number | string; fields?: string[] } {
  if (body === null || typeof body !== 'object') return typeof body === 'string' && body !== '' ? { message: body } : {};
  const { message, errorcode, validationErrors, errors } = body as Record<string, unknown>;
  const texts = (list: unknown) =>
    Array.isArray(list)
      ? list.flatMap((item) => (typeof (item as { message?: unknown })?.message === 'string' ? [(item as { message: string }).message] : []))
      : [];
  const fields = [...texts(validationErrors), ...texts(errors)];
  const text = typeof message === 'string' ? message : fields[0];
  return {
    ...(text !== undefined ? { message: text } : {}),
    ...(typeof errorcode === 'number' || typeof errorcode === 'string' ? { code: errorcode } : {}),
    ...(fields.length > 0 ? { fields } : {}),
  };
}

/** The REST calls txkit makes, over the shared resilient client. */
export function createSfmcApi(session: SfmcSession, options: ApiOptions) {
  const http = createHttpClient({
    baseUrl: session.restBaseUrl,
    authorize: () => session.authorization(),
    onUnauthorized: () => session.refresh(),
    secrets: options.secrets,
    describeError: describeSfmcError,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.deadline ? { deadline: options.deadline } : {}),
  });

  return {
    /** Event Notification Service: callbacks and subscriptions. */
    ens: createEnsApi(http),
    /** The asset with this customerKey (unique per instance), looked up the way sfmc-devtools does. */
    async findAsset(customerKey: string): Promise<RemoteAsset | undefined> {
      // Queries go in the path as SFMC documents them (%20 and $, not the + and %24 URLSearchParams writes).
      const filter = `customerKey%20eq%20${encodeURIComponent(customerKey)}`;
      const { body } = await http.request<{ items: RemoteAsset[] }>('GET', `${ASSETS}?$filter=${filter}`, { schema: assetPage });
      return body.items.find((item) => item.customerKey.toLowerCase() === customerKey.toLowerCase());
    },
    /** POST is retried after a dropped connection: a repeat is refused as a duplicate key, which callers handle. */
    async createAsset(asset: SfmcObject): Promise<void> {
      await http.request('POST', ASSETS, { body: asset, retryUnsafe: true, schema: anObject });
    },
    async updateAsset(id: number, fields: SfmcObject): Promise<void> {
      await http.request('PATCH', `${ASSETS}/${id}`, { body: fields, schema: anObject });
    },
    async getDefinition(channel: SfmcChannel, definitionKey: string): Promise<SfmcObject | undefined> {
      const { status, body } = await http.request<SfmcObject>('GET', `${definitions(channel)}/${encodeURIComponent(definitionKey)}`, {
        accept: [404],
        schema: definition,
      });
      return status === 404 ? undefined : body;
    },
    async createDefinition(channel: SfmcChannel, definition: SfmcObject): Promise<void> {
      await http.request('POST', definitions(channel), { body: definition, retryUnsafe: true, schema: anObject });
    },
    async updateDefinition(channel: SfmcChannel, definitionKey: string, fields: SfmcObject): Promise<void> {
      await http.request('PATCH', `${definitions(channel)}/${encodeURIComponent(definitionKey)}`, { body: fields, schema: anObject });
    },
    /** Every definition that is not deleted, page by page. */
    async listDefinitions(channel: SfmcChannel): Promise<DefinitionSummary[]> {
      const all: DefinitionSummary[] = [];
      for (let page = 1; ; page++) {
        const query = `$filter=status%20neq%20deleted&$pageSize=100&$page=${page}`;
        const { body } = await http.request<{ definitions?: DefinitionSummary[]; count?: number }>('GET', `${definitions(channel)}?${query}`, {
          schema: definitionPage,
        });
        const found = body.definitions ?? [];
        all.push(...found);
        if (found.length === 0 || all.length >= (body.count ?? 0)) return all;
      }
    },
    /** One message; retried after a dropped connection because the messageKey makes a repeat a refused duplicate. */
    async send(channel: SfmcChannel, messageKey: string, request: SfmcObject): Promise<SendAnswer> {
      const { body } = await http.request<SendAnswer>('POST', `${messages(channel)}/${encodeURIComponent(messageKey)}`, {
        body: request,
        retryUnsafe: true,
        schema: sendAnswer,
      });
      return body;
    },
    /** The message's status; undefined while SFMC does not know the key yet (404). */
    async sendStatus(channel: SfmcChannel, messageKey: string): Promise<StatusAnswer | undefined> {
      const { status, body } = await http.request<StatusAnswer>('GET', `${messages(channel)}/${encodeURIComponent(messageKey)}`, {
        accept: [404],
        schema: statusAnswer,
      });
      return status === 404 ? undefined : body;
    },
  };
}

export type SfmcApi = ReturnType<typeof createSfmcApi>;
