/**
 * The bodies ENS posts for transactional sends
 * (https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/transactional_email_events.html,
 * https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/transactional_sms_events.html).
 */

import type { JsonObject } from '../json-values.js';
import type { SfmcSentMessage } from '../state.js';

/** The sandbox tenant's business unit (MID) and enterprise (EID). */
const MID = 100000001;
const EID = 100000000;

export const TRANSACTIONAL_CATEGORY = 'TransactionalSendEvents';

/** The event types one send produces, in order: email ends Sent or NotSent, SMS Sent then Delivered, or NotSent. */
export function outcomeEvents(message: SfmcSentMessage): string[] {
  if (message.channel === 'email') return [message.notSent ? 'EmailNotSent' : 'EmailSent'];
  return message.notSent ? ['SmsNotSent'] : ['SmsSent', 'SmsDelivered'];
}

/** One notification of `type` for `message`, as the callback receives it inside the batch array. */
export function ensNotification(type: string, message: SfmcSentMessage, definitionId: string, timestampUTC: number): JsonObject {
  const { recipient, messageKey, requestId, definitionKey, notSent } = message;
  const info: JsonObject = { messageKey, subscriberKey: recipient.contactKey, to: recipient.to };
  if (type.endsWith('NotSent') && notSent)
    Object.assign(info, { statusCode: String(notSent.statusCode), statusMessage: notSent.statusMessage, reason: notSent.statusMessage });
  const common = {
    eventCategoryType: `${TRANSACTIONAL_CATEGORY}.${type}`,
    timestampUTC,
    compositeId: `${requestId}.${type}`,
    definitionKey,
    definitionId,
    mid: MID,
    eid: EID,
    info,
  };
  if (message.channel === 'sms') return common;
  const [jobId, batchId] = [requestId.slice(0, 8), requestId.slice(9, 13)];
  return {
    ...common,
    composite: {
      jobId: String(parseInt(jobId, 16)),
      batchId: String(parseInt(batchId, 16)),
      listId: '1',
      subscriberId: String(parseInt(requestId.slice(14, 18), 16)),
    },
  };
}
