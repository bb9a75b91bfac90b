/**
 * The reporting-webhook bodies Customer.io posts for transactional deliveries
 * (https://docs.customer.io/api/webhooks/): one event per request, `object_type` the channel,
 * `metric` what happened, `data` naming the delivery and the transactional message.
 */

import { randomBytes } from 'node:crypto';
import { isRecord, type JsonObject } from '../json-values.js';
import type { CustomerioDelivery } from '../state.js';

/** A reserved undeliverable domain (RFC 2606), as the SFMC emulator uses it too. */
const UNDELIVERABLE = /\.invalid$/i;

/** The metrics one delivery produces, in order. */
export function deliveryMetrics(delivery: CustomerioDelivery): string[] {
  // A delivery that could not be rendered never leaves Customer.io: its only metric is `failed`.
  if (delivery.failure !== undefined) return ['failed'];
  if (UNDELIVERABLE.test(delivery.recipient)) return delivery.channel === 'email' ? ['sent', 'bounced'] : ['failed'];
  return ['sent', 'delivered'];
}

export function customerioWebhookEvent(metric: string, delivery: CustomerioDelivery, timestamp: number): JsonObject {
  const { request } = delivery;
  const identifiers = isRecord(request.identifiers) ? request.identifiers : {};
  const data: JsonObject = {
    delivery_id: delivery.delivery_id,
    identifiers,
    ...(identifiers.id !== undefined ? { customer_id: String(identifiers.id) } : {}),
    ...(request.transactional_message_id !== undefined ? { transactional_message_id: request.transactional_message_id } : {}),
    recipient: delivery.recipient,
    ...(delivery.channel === 'email' && typeof request.subject === 'string' ? { subject: request.subject } : {}),
    ...(metric === 'bounced' || metric === 'failed' ? { failure_message: 'The recipient address does not exist.' } : {}),
  };
  return { event_id: randomBytes(13).toString('hex').toUpperCase(), object_type: delivery.channel, metric, timestamp, data };
}
