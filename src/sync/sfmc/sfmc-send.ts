import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { UsageError } from '../../errors/usage-error.js';
import { isRefusal, PlatformError } from '../platform-error.js';
import type { SendOutcome, SendRequest } from '../sync-target.js';
import { sfmcPublication } from '../../platforms/sfmc/message-export.js';
import type { SendAnswer, SfmcApi, StatusAnswer } from './sfmc-api.js';
import { sfmcAttributesOf } from '../../platforms/sfmc/sfmc-attributes.js';

/** SFMC's code for a messageKey used within the last 72 hours. */
const DUPLICATE_MESSAGE_KEY = 109110;

export interface SendPolling {
  /** First wait between status reads; doubles up to `maxIntervalMs`. */
  intervalMs: number;
  maxIntervalMs: number;
}

const defaultPolling: SendPolling = { intervalMs: 250, maxIntervalMs: 4000 };

/**
 * Sends one message through its published definition with a fresh messageKey, the sample's
 * attributes flattened to SFMC names, then reads the status (backing off, as SFMC rate-limits
 * status reads) until it is sent or not sent, or the timeout passes.
 */
export async function sendSfmcMessage(api: SfmcApi, request: SendRequest, polling: SendPolling = defaultPolling): Promise<SendOutcome> {
  const { message, sample, channel, to } = request;
  if (channel === 'whatsapp') throw new UsageError(`txkit sends WhatsApp through Customer.io only: send "${message.id}" with --target customerio`);
  const publication = sfmcPublication(message);
  const definitionKey = channel === 'email' ? publication?.email?.definitionKey : publication?.sms?.definitionKey;
  if (definitionKey === undefined)
    throw new UsageError(`message "${message.id}" does not publish its ${channel} to SFMC (see targets.sfmc in its message.yaml)`);
  const messageKey = randomUUID();
  const attributes = sfmcAttributesOf(sample.data, message.definition.targets.sfmc?.attributeMap ?? {}, message.definition.attributes);
  // SFMC's SMS examples write the number without "+": country code and subscriber number.
  const address = channel === 'sms' ? to.replace(/^\+/, '') : to;
  try {
    const refusal = refusalIn(await api.send(channel, messageKey, { definitionKey, recipient: { contactKey: to, to: address, attributes } }));
    if (refusal) return { status: 'not-sent', id: messageKey, detail: refusal };
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    // After a dropped connection the retry may find the first attempt accepted: the key is then taken by this very send.
    if (error.details.code !== DUPLICATE_MESSAGE_KEY) {
      // e.g. 109121 InvalidValue_to; anything else propagates.
      if (isRefusal(error)) return { status: 'not-sent', id: messageKey, detail: error.message };
      throw error;
    }
  }

  const deadline = Date.now() + (request.timeoutMs ?? 60_000);
  for (let wait = polling.intervalMs; ; wait = Math.min(wait * 2, polling.maxIntervalMs)) {
    const status = await api.sendStatus(channel, messageKey);
    const event = status?.eventCategoryType ?? '';
    if (/(NotSent|Bounced)$/.test(event)) return { status: 'not-sent', id: messageKey, detail: statusDetail(status) || event };
    if (/Sent$/.test(event)) return { status: 'sent', id: messageKey, detail: event };
    const left = deadline - Date.now();
    if (left <= 0)
      return {
        status: 'queued',
        id: messageKey,
        detail: `no final status within ${Number(((request.timeoutMs ?? 60_000) / 1000).toFixed(1))} s${event ? ` (last: ${event})` : ''}`,
      };
    await sleep(Math.min(wait, left));
  }
}

/**
 * A send the platform accepted (202) but refused in its body: a top-level errorcode (109001,
 * some recipients failed) or a recipient's own (e.g. 109106), as shared/docs/platform-api.md
 * documents. Undefined when every recipient was accepted.
 */
function refusalIn(answer: SendAnswer): string | undefined {
  const failed = (answer.responses ?? []).find((response) => (response.errorcode ?? 0) !== 0);
  if (failed)
    return `refused: recipient error ${failed.errorcode}${failed.message ? ` ${failed.message}` : ''}${answer.errorcode ? ` (errorcode ${answer.errorcode})` : ''}`;
  if ((answer.errorcode ?? 0) !== 0) return `refused: errorcode ${answer.errorcode}${answer.message ? ` ${answer.message}` : ''}`;
  return undefined;
}

/** `info.statusCode` (a number in SFMC's answers, e.g. 24) and `statusMessage`, as the platform said them. */
function statusDetail(status: StatusAnswer | undefined): string {
  const { statusCode, statusMessage } = status?.info ?? {};
  return [statusCode, statusMessage].filter((part) => part !== undefined && part !== '').join(': ');
}
