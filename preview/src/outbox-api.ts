import type { OutboxEntry } from '../../src/sandbox/outbox/outbox-entry.js';

/** Same paths as the server's sandboxOutboxMiddleware (src/preview/middlewares/sandbox-outbox.ts). */
const outboxBase = '/__txkit/sandbox/';

export interface OutboxList {
  limit: number;
  entries: OutboxEntry[];
}

/** The sandbox's outbox, newest first; undefined when the preview runs without a sandbox (204). */
export async function fetchOutbox(): Promise<OutboxList | undefined> {
  const response = await fetch(`${outboxBase}outbox`, { cache: 'no-store' });
  if (response.status === 204) return undefined;
  if (!response.ok) throw new Error(`the sandbox's outbox: HTTP ${response.status}`);
  return (await response.json()) as OutboxList;
}

/**
 * Calls `handler` with every send from now on (server-sent events, relayed by the preview).
 * EventSource reconnects by itself; `onReconnect` lets the caller fetch what it missed meanwhile.
 */
export function onOutboxEntry(handler: (entry: OutboxEntry) => void, onReconnect: () => void): void {
  const events = new EventSource(`${outboxBase}outbox/events`);
  let opened = false;
  events.addEventListener('open', () => {
    if (opened) onReconnect();
    opened = true;
  });
  events.addEventListener('entry', (event) => handler(JSON.parse((event as MessageEvent<string>).data) as OutboxEntry));
}
