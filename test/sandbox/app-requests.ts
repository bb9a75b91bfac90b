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
