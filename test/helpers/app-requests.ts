import type { OutboxEntry } from '../../src/sandbox/index.js';

/**
 * Requests as an application makes them: plain fetch with the platform's JSON bodies and
 * Bearer keys, no txkit code in between.
 */
export async function post(url: string, path: string, token: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(new URL(path, url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

export async function get(url: string, path: string, token?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(new URL(path, url), token ? { headers: { Authorization: `Bearer ${token}` } } : {});
  return { status: response.status, body: await response.json() };
}

/** `GET /__txkit/outbox`: the entries, newest first. */
export async function outbox(url: string): Promise<OutboxEntry[]> {
  return (await get(url, '/__txkit/outbox')).body.entries;
}

/** An SFMC access token for the sandbox's default client (POST /v2/token, client credentials). */
export async function sfmcToken(url: string): Promise<string> {
  const response = await fetch(new URL('/v2/token', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'sandbox-client-id', client_secret: 'sandbox-client-secret' }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

/** The sandbox's default Customer.io keys: the transactional one sends, the App API one reads deliveries. */
export const cioKey = 'sandbox-transactional-api-key';
export const appKey = 'sandbox-app-api-key';

type Channel = 'email' | 'sms';

/** One transactional send, in the terms of the platform it goes to. */
export type AppSend =
  | {
      platform: 'customerio';
      channel: Channel;
      /** `transactional_message_id`: the message's number or trigger name. */
      messageId: number | string;
      to?: string;
      /** The person (default `{ id: 'u-1' }`). */
      identifiers?: Record<string, string>;
      /** `message_data`. */
      data: Record<string, unknown>;
    }
  | {
      platform: 'sfmc';
      channel: Channel;
      /** From `sfmcToken`. */
      token: string;
      messageKey: string;
      definitionKey: string;
      to: string;
      /** The recipient's contactKey (default `c-1`). */
      contactKey?: string;
      attributes?: Record<string, unknown>;
    };

/**
 * Posts one send the way an application does: Customer.io's `POST /v1/send/{email|sms}` with the
 * transactional key, or SFMC's `POST /messaging/v1/{email|sms}/messages/{messageKey}` for one recipient.
 */
export function postSend(url: string, send: AppSend): Promise<{ status: number; body: any }> {
  if (send.platform === 'customerio') {
    const { channel, messageId, to, identifiers = { id: 'u-1' }, data } = send;
    return post(url, `/v1/send/${channel}`, cioKey, {
      transactional_message_id: messageId,
      ...(to === undefined ? {} : { to }),
      identifiers,
      message_data: data,
    });
  }
  const { channel, token, messageKey, definitionKey, to, contactKey = 'c-1', attributes } = send;
  return post(url, `/messaging/v1/${channel}/messages/${encodeURIComponent(messageKey)}`, token, {
    definitionKey,
    recipient: { contactKey, to, ...(attributes ? { attributes } : {}) },
  });
}
