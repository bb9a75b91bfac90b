import { signCustomerioWebhook, CUSTOMERIO_SIGNATURE_HEADER, CUSTOMERIO_TIMESTAMP_HEADER } from '../../platforms/customerio/webhook-signature.js';
import { signSfmcEnsPayload, SFMC_ENS_SIGNATURE_HEADER } from '../../platforms/sfmc/ens-signature.js';
import type { JsonObject } from '../json-values.js';
import type { ResolvedSandboxOptions } from '../options.js';
import { unixSeconds, type CustomerioDelivery, type SandboxState, type SfmcSentMessage } from '../state.js';
import { customerioWebhookEvent, deliveryMetrics } from './customerio-notifications.js';
import { ensNotification, outcomeEvents } from './ens-notifications.js';
import { passesFilters, type EnsCallbackRecord } from './ens-state.js';
import { deliverSigned, type DeliveryAttempt } from './signed-delivery.js';

/** ENS: 3 s to answer with 200-204 (https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/ens-retries-suspensions). */
const ENS_TIMEOUT_MS = 3_000;
const ENS_ACCEPTED = (status: number) => status >= 200 && status <= 204;
/** ENS: creating a callback fails unless its URL answers the verification POST with 200 within 30 s. */
const VERIFICATION_TIMEOUT_MS = 30_000;
/** Customer.io: 4 s to answer 2xx (https://docs.customer.io/api/webhooks/, "Timeouts and failures"). */
const CUSTOMERIO_TIMEOUT_MS = 4_000;

/**
 * What happens after a send is accepted: the platform's notifications, delivered to the
 * registered ENS callbacks (batched per callback, signed with its key) and to the Customer.io
 * reporting webhook (one signed event per request, in order).
 */
export interface EventDispatcher {
  /** An accepted SFMC send: its outcome events go to the subscriptions that want them. */
  notifySfmcSend(message: SfmcSentMessage): void;
  /** An accepted Customer.io send: its metrics go to the reporting webhook, if one is configured. */
  notifyCustomerioSend(delivery: CustomerioDelivery): void;
  /** POSTs `{callbackId, verificationKey}` to a new callback; true when it answered 200. */
  probeCallback(callback: EnsCallbackRecord): Promise<boolean>;
  /** Every delivery attempt so far, in order (ENS batches, webhook events, verification POSTs). */
  readonly attempts: readonly DeliveryAttempt[];
  /** Sends the batches still gathering now, then resolves when nothing is pending (tests wait on it). */
  idle(): Promise<void>;
  /** Cancels timers and requests in flight. */
  close(): void;
}

export function createEventDispatcher(state: SandboxState, options: ResolvedSandboxOptions): EventDispatcher {
  const closing = new AbortController();
  const attempts: DeliveryAttempt[] = [];
  const pending = new Set<Promise<unknown>>();
  /** Sends still processing (their events not yet gathered): a subset of `pending`. */
  const processing = new Set<Promise<unknown>>();
  /** Per callback, the batch gathering: its events, the timer that sends it, and the end of its tracking. */
  const queues = new Map<string, { events: JsonObject[]; timer: NodeJS.Timeout; settle: () => void }>();
  /** Customer.io holds later events back until the one before is delivered or given up. */
  let webhookChain: Promise<unknown> = Promise.resolve();
  const { retryDelaysMs, batchWindowMs } = options.events;

  function track<T>(promise: Promise<T>): Promise<T> {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise)).catch(() => undefined);
    return promise;
  }

  function later(ms: number, action: () => void): void {
    if (closing.signal.aborted) return;
    const timer = track(
      new Promise<void>((resolve) => {
        const handle = setTimeout(() => {
          try {
            action();
          } finally {
            resolve();
          }
        }, ms);
        closing.signal.addEventListener(
          'abort',
          () => {
            clearTimeout(handle);
            resolve();
          },
          { once: true },
        );
      }),
    );
    processing.add(timer);
    void timer.finally(() => processing.delete(timer));
  }

  /** Sends the callback's gathered events as one signed batch. */
  function flush(callbackId: string): void {
    const queue = queues.get(callbackId);
    if (!queue) return;
    queues.delete(callbackId);
    clearTimeout(queue.timer);
    const callback = state.sfmc.ens.callbacks.get(callbackId);
    if (!callback || closing.signal.aborted) return queue.settle();
    const body = JSON.stringify(queue.events);
    const headers = () => ({ [SFMC_ENS_SIGNATURE_HEADER]: signSfmcEnsPayload(body, callback.signatureKey) });
    void track(
      deliverSigned({
        url: callback.url,
        body,
        headers,
        accepted: ENS_ACCEPTED,
        retryDelaysMs,
        timeoutMs: ENS_TIMEOUT_MS,
        signal: closing.signal,
        log: attempts,
      }),
    ).finally(queue.settle);
  }

  /** Events gather for `batchWindowMs`; a batch that reaches the callback's maxBatchSize goes at once. */
  function enqueue(callbackId: string, event: JsonObject, maxBatchSize: number): void {
    let queue = queues.get(callbackId);
    if (!queue) {
      let settle = () => {};
      void track(new Promise<void>((resolve) => (settle = resolve)));
      queue = { events: [], timer: setTimeout(() => flush(callbackId), batchWindowMs), settle };
      queues.set(callbackId, queue);
    }
    queue.events.push(event);
    if (queue.events.length >= maxBatchSize) flush(callbackId);
  }

  function publishSfmc(message: SfmcSentMessage): void {
    const definitionId = state.sfmc.definitions[message.channel].get(message.definitionKey)?.definitionId ?? '';
    for (const type of outcomeEvents(message)) {
      const event = ensNotification(type, message, definitionId, options.now());
      for (const subscription of state.sfmc.ens.subscriptions.values()) {
        const callback = state.sfmc.ens.callbacks.get(subscription.callbackId);
        if (subscription.status !== 'active' || callback?.status !== 'verified') continue;
        if (!subscription.eventCategoryTypes.includes(String(event.eventCategoryType)) || !passesFilters(subscription.filters, event)) continue;
        enqueue(callback.callbackId, event, callback.maxBatchSize);
      }
    }
  }

  function publishCustomerio(delivery: CustomerioDelivery): void {
    const webhook = options.customerio.reportingWebhook;
    if (!webhook) return;
    for (const metric of deliveryMetrics(delivery).filter((name) => webhook.events.includes(name))) {
      const body = JSON.stringify(customerioWebhookEvent(metric, delivery, unixSeconds(options.now())));
      const headers = () => {
        const timestamp = unixSeconds(options.now());
        return { [CUSTOMERIO_TIMESTAMP_HEADER]: String(timestamp), [CUSTOMERIO_SIGNATURE_HEADER]: signCustomerioWebhook(body, timestamp, webhook.signingKey) };
      };
      const accepted = (status: number) => status >= 200 && status < 300;
      webhookChain = track(
        webhookChain.then(() =>
          deliverSigned({ url: webhook.url, body, headers, accepted, retryDelaysMs, timeoutMs: CUSTOMERIO_TIMEOUT_MS, signal: closing.signal, log: attempts }),
        ),
      );
    }
  }

  return {
    attempts,
    notifySfmcSend: (message) => later(options.sendProcessingMs, () => publishSfmc(message)),
    notifyCustomerioSend: (delivery) => later(options.sendProcessingMs, () => publishCustomerio(delivery)),
    probeCallback: (callback) =>
      track(
        deliverSigned({
          url: callback.url,
          body: JSON.stringify({ callbackId: callback.callbackId, verificationKey: callback.verificationKey }),
          headers: () => ({}),
          accepted: (status) => status === 200,
          retryDelaysMs: [],
          timeoutMs: VERIFICATION_TIMEOUT_MS,
          signal: closing.signal,
          log: attempts,
        }),
      ),
    async idle() {
      // Sends still processing gather their events first, then the gathering batches go.
      while (pending.size > 0) {
        await Promise.allSettled([...processing]);
        for (const callbackId of [...queues.keys()]) flush(callbackId);
        await Promise.allSettled([...pending]);
      }
    },
    close() {
      closing.abort();
      for (const callbackId of [...queues.keys()]) flush(callbackId);
    },
  };
}
