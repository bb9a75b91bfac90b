import { z } from 'zod';
import { UsageError } from '../../errors/usage-error.js';
import { createHttpClient, type HttpClient, type RequestOptions, type RetryPolicy } from '../http-client.js';
import { PlatformError } from '../platform-error.js';
import { customerioVariables, type CustomerioSettings } from './connection-settings.js';
import { createRequestPacer, type PacerOptions } from './request-pacer.js';
import type { RemoteSnippet } from './snippets.js';

/** A transactional message (the template) as the App API returns it; only what txkit reads is typed. */
export interface TransactionalMessage {
  id: number;
  name: string;
  trigger_name?: string;
  description?: string;
  send_to_unsubscribed?: boolean;
  link_tracking?: boolean;
  open_tracking?: boolean;
  queue_drafts?: boolean;
}

export interface ContentHeader {
  name: string;
  value: string;
}

/** One language variant of a transactional message (`type` is `email`, `twilio` for SMS, or `push`). */
export interface TransactionalContent {
  id: number;
  name?: string;
  /** '' for the default language. */
  language?: string;
  type?: string;
  body?: string;
  body_amp?: string;
  subject?: string;
  preheader_text?: string;
  recipient?: string;
  /** The sender address of `from_id`, read-only. */
  from?: string;
  from_id?: number | null;
  reply_to?: string;
  reply_to_id?: number | null;
  /** A JSON string of `[{name, value}]` on GET; PUT takes the array. */
  headers?: string | ContentHeader[] | null;
}

/** Every field `PUT .../content/{content_id}` writes: it overwrites all of them. */
export interface ContentUpdate {
  body: string;
  body_amp: string;
  subject: string;
  preheader_text: string;
  recipient: string;
  from_id: number | null;
  reply_to_id: number | null;
  headers: ContentHeader[];
}

export interface Delivery {
  delivery_id: string;
  queued_at?: number;
}

export type SendChannel = 'email' | 'sms' | 'whatsapp';

export interface CustomerioApiOptions {
  settings: CustomerioSettings;
  secrets: readonly string[];
  retry?: RetryPolicy;
  /** Client-side App API pacing. */
  pace: PacerOptions;
  /** The command's deadline (`--timeout`). */
  deadline?: AbortSignal;
}

/**
 * The answers txkit reads (https://docs.customer.io/api/app/ : transactional messages,
 * contents, send): what txkit relies on is required, everything else passes through.
 */
const messageShape = z.looseObject({ id: z.number(), name: z.string().optional() });
const answers = {
  list: z.looseObject({ messages: z.array(messageShape) }),
  message: z.union([z.looseObject({ message: messageShape }), messageShape]),
  contents: z.looseObject({ contents: z.array(z.looseObject({ id: z.number() })) }),
  written: z.looseObject({ content: z.looseObject({ id: z.number() }) }),
  delivery: z.looseObject({ delivery_id: z.string().min(1) }),
};

/** Customer.io's error bodies: `{meta: {error}}` or `{meta: {errors: [...]}}`; a proxy's `{message}` too. */
export function describeCustomerioError(body: unknown): { message?: string; fields?: string[] } {
  const { meta, message } = (body ?? {}) as { meta?: { error?: unknown; errors?: unknown }; message?: unknown };
  if (typeof meta?.error === 'string') return { message: meta.error };
  if (Array.isArray(meta?.errors)) {
    const fields = meta.errors.map((error) => (typeof error === 'string' ? error : JSON.stringify(error)));
    return { message: fields.join('; '), fields };
  }
  return typeof message === 'string' ? { message } : {};
}

/** The record a route wraps in `{message}` / `{content}`; tolerant of an unwrapped body. */
function unwrap(body: unknown, key: string): unknown {
  const wrapped = (body as Record<string, unknown> | null | undefined)?.[key];
  return wrapped ?? body;
}

/**
 * The Customer.io routes txkit uses. App API calls are paced below the platform's rate limit
 * and a rejected key becomes a UsageError naming its variable (it is configuration, not input).
 */
export function createCustomerioApi(options: CustomerioApiOptions) {
  const { settings, secrets } = options;
  const pace = createRequestPacer(options.pace);

  function clientFor(key: string | undefined): HttpClient | undefined {
    if (key === undefined) return undefined;
    return createHttpClient({
      baseUrl: settings.baseUrl,
      authorize: async () => ({ authorization: `Bearer ${key}` }),
      secrets,
      describeError: describeCustomerioError,
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.deadline ? { deadline: options.deadline } : {}),
    });
  }

  const appClient = clientFor(settings.appApiKey);
  const sendClient = clientFor(settings.transactionalApiKey ?? settings.appApiKey);
  const sendVariable = settings.transactionalApiKey !== undefined ? customerioVariables.transactionalApiKey : customerioVariables.appApiKey;

  async function withKey<T>(variable: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof PlatformError && (error.details.status === 401 || error.details.status === 403)) {
        throw new UsageError(`Customer.io refused ${variable} (${error.details.status}): check the key and ${customerioVariables.region} (us or eu)`);
      }
      throw error;
    }
  }

  async function app<T>(method: string, path: string, requestOptions?: RequestOptions) {
    if (!appClient) throw new UsageError(`${customerioVariables.appApiKey} is not set: diff, push and pull read and write content through the App API`);
    return withKey(customerioVariables.appApiKey, () => pace(() => appClient.request<T>(method, path, requestOptions)));
  }

  const messagePath = (id: number) => `v1/transactional/${id}`;

  return {
    async listMessages(): Promise<TransactionalMessage[]> {
      const { body } = await app<{ messages: TransactionalMessage[] }>('GET', 'v1/transactional', { schema: answers.list });
      return body.messages;
    },

    /** Undefined when no message has this id (404). */
    async getMessage(id: number): Promise<TransactionalMessage | undefined> {
      const { status, body } = await app('GET', messagePath(id), { accept: [404], schema: answers.message });
      return status === 404 ? undefined : (unwrap(body, 'message') as TransactionalMessage);
    },

    /** Undefined when no message has this id (404). */
    async getContents(id: number): Promise<TransactionalContent[] | undefined> {
      const { status, body } = await app<{ contents: TransactionalContent[] }>('GET', `${messagePath(id)}/contents`, {
        accept: [404],
        schema: answers.contents,
      });
      return status === 404 ? undefined : body.contents;
    },

    async putContent(id: number, contentId: number, update: ContentUpdate): Promise<void> {
      await app('PUT', `${messagePath(id)}/content/${contentId}`, { body: update, schema: answers.written });
    },

    /** Overwrites the variant of `language` (updateTransactionalVariant: an error when there is none). */
    async putLanguageContent(id: number, language: string, update: ContentUpdate): Promise<void> {
      await app('PUT', `${messagePath(id)}/language/${encodeURIComponent(language)}`, { body: update, schema: answers.written });
    },

    /** The workspace's snippets (`GET /v1/snippets`). */
    async listSnippets(): Promise<RemoteSnippet[]> {
      const { body } = await app<{ snippets?: RemoteSnippet[] }>('GET', 'v1/snippets');
      return body?.snippets ?? [];
    },

    /** Creates or updates a snippet by name (`PUT /v1/snippets`). */
    async putSnippet(snippet: { name: string; value: string }): Promise<void> {
      await app('PUT', 'v1/snippets', { body: snippet });
    },

    /** A send is not retried on 5xx or a dropped connection: a repeat could deliver twice. */
    async send(channel: SendChannel, body: Record<string, unknown>): Promise<Delivery> {
      if (!sendClient) throw new UsageError(`set ${customerioVariables.transactionalApiKey} (or ${customerioVariables.appApiKey}) to send`);
      const { body: delivery } = await withKey(sendVariable, () =>
        sendClient.request<Delivery>('POST', `v1/send/${channel}`, { body, schema: answers.delivery }),
      );
      return delivery;
    },
  };
}

export type CustomerioApi = ReturnType<typeof createCustomerioApi>;
