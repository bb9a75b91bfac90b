import { isRecord, type JsonObject } from '../json-values.js';
import { unixSeconds, type SandboxState } from '../state.js';
import type { OutboxEntry } from './outbox-entry.js';

/**
 * Puts the sends of a saved outbox back into the platform state, so that after a restart the
 * status routes still answer for them (SFMC `GET .../messages/{messageKey}`, Customer.io
 * `GET /v1/messages/{delivery_id}`) and a messageKey stays taken for its 72 hours.
 * Refused sends created nothing on the platform and are skipped. Oldest first, so the newest
 * send with a messageKey wins, as it did live.
 */
export function restoreSends(state: SandboxState, entries: readonly OutboxEntry[]): void {
  for (const entry of [...entries].reverse()) {
    const { outcome, messageKey } = entry;
    if (outcome.status === 'refused' || messageKey === undefined) continue;
    const body = isRecord(entry.request.body) ? entry.request.body : {};
    if (entry.platform === 'sfmc') {
      if (entry.channel === 'whatsapp') continue; // the SFMC emulator sends no WhatsApp
      state.sfmc.messages.set(messageKey, {
        channel: entry.channel,
        messageKey,
        definitionKey: entry.templateKey,
        recipient: sfmcRecipient(body, messageKey) ?? { to: entry.recipient },
        requestId: entry.id,
        queuedAt: entry.receivedAt,
        ...(outcome.status === 'failed'
          ? { notSent: { statusMessage: outcome.reason, ...(outcome.statusCode !== undefined ? { statusCode: outcome.statusCode } : {}) } }
          : {}),
      });
    } else {
      state.customerio.deliveries.push({
        delivery_id: messageKey,
        queued_at: unixSeconds(entry.receivedAt),
        channel: entry.channel,
        request: body,
        recipient: entry.recipient,
        ...(typeof body.transactional_message_id === 'number' ? { templateId: body.transactional_message_id } : {}),
        ...(entry.email ? { subject: entry.email.subject } : {}),
        ...(outcome.status === 'failed' ? { failure: outcome.reason } : {}),
      });
    }
  }
}

/** The recipient a send named: `recipient` of a single send, the batch recipient with this messageKey. */
function sfmcRecipient(body: JsonObject, messageKey: string): JsonObject | undefined {
  if (isRecord(body.recipient)) return body.recipient;
  const recipients = Array.isArray(body.recipients) ? body.recipients : [];
  return recipients.find((recipient): recipient is JsonObject => isRecord(recipient) && recipient.messageKey === messageKey);
}
