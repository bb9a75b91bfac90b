/**
 * Event Notification Service routes (https://developer.salesforce.com/docs/marketing/marketing-cloud/references/mc_rest_event_notification/):
 * callbacks (created only once their URL answers the verification POST, verified by echoing its
 * key to ens-verify) and subscriptions (only for verified callbacks).
 */

import { randomBytes, randomUUID } from 'node:crypto';
import { sfmcError } from '../error-replies.js';
import { isFilledString, isRecord, type JsonObject } from '../json-values.js';
import { reply, type Reply, type Route, type RouteContext } from '../router.js';
import type { EnsCallbackRecord, EnsSubscriptionRecord } from './ens-state.js';
import { TRANSACTIONAL_CATEGORY } from './ens-notifications.js';

const KNOWN_EVENTS = new Set(
  [
    ...['EmailSent', 'EmailNotSent', 'EmailBounced', 'SmsSent', 'SmsNotSent', 'SmsTransient', 'SmsDelivered', 'SmsBounced'].map(
      (type) => `${TRANSACTIONAL_CATEGORY}.${type}`,
    ),
    ...['EmailOpen', 'EmailClick', 'EmailUnsubscribe'].map((type) => `EngagementEvents.${type}`),
  ].map((name) => name.toLowerCase()),
);
/** createSubscription: up to 200 subscriptions per callback. */
const MAX_SUBSCRIPTIONS = 200;

const invalid = (detail: string) => sfmcError(400, 0, `MCMS_UWH_Validation_${detail}`);
const notFound = (detail: string) => sfmcError(404, 0, `MCMS_UWH_Runtime_ObjectNotFound: ${detail}`);

/** The callback as every read shows it: never its keys. */
function callbackView({ callbackId, callbackName, url, maxBatchSize, status, statusReason }: EnsCallbackRecord): JsonObject {
  return { callbackId, callbackName, url, maxBatchSize, status, statusReason };
}

function subscriptionView(record: EnsSubscriptionRecord, callbacks: Map<string, EnsCallbackRecord>): JsonObject {
  return { ...record, callbackName: callbacks.get(record.callbackId)?.callbackName ?? '' };
}

/** An http(s) URL. SFMC takes https only, without port or query; the sandbox also takes http on a loopback port so tests can listen. */
function urlProblem(url: unknown): string | undefined {
  if (!isFilledString(url)) return 'MissingRequiredField_url';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `InvalidValue_url: ${url} is not a URL`;
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(loopback && parsed.protocol === 'http:')) return `InvalidValue_url: ${url} must use https`;
  if (parsed.search !== '') return `InvalidValue_url: ${url} must not have a query string`;
  return undefined;
}

function batchSizeProblem(value: unknown): string | undefined {
  return value === undefined || (Number.isInteger(value) && (value as number) >= 100 && (value as number) <= 1000)
    ? undefined
    : 'InvalidValue_maxBatchSize: must be at least 100 and no more than 1,000';
}

/** POST /platform/v1/ens-callbacks: an array; each URL is probed with its verification key before the answer. */
async function createCallbacks({ body, state, events }: RouteContext): Promise<Reply> {
  if (!Array.isArray(body) || body.length === 0) return invalid('InvalidRequest: the body must be a non-empty array of callbacks');
  const { callbacks } = state.sfmc.ens;
  const created: EnsCallbackRecord[] = [];
  for (const item of body) {
    if (!isRecord(item) || !isFilledString(item.callbackName)) return invalid('MissingRequiredField_callbackName');
    const problem = urlProblem(item.url) ?? batchSizeProblem(item.maxBatchSize);
    if (problem) return invalid(problem);
    if ([...callbacks.values()].some((callback) => callback.url === item.url))
      return invalid(`DuplicateValue_url: ${String(item.url)} is already registered as a callback`);
    const record: EnsCallbackRecord = {
      callbackId: randomUUID(),
      callbackName: item.callbackName,
      url: item.url as string,
      maxBatchSize: (item.maxBatchSize as number | undefined) ?? 1000,
      signatureKey: randomBytes(32).toString('base64'),
      verificationKey: randomBytes(24).toString('hex'),
      status: 'unverified',
      statusReason: 'Awaiting verification',
    };
    callbacks.set(record.callbackId, record);
    if (!(await events.probeCallback(record))) {
      callbacks.delete(record.callbackId);
      return invalid(
        `probeCallbackLiveness: CallbackId is ${record.callbackId}. Could not verify callback url '${record.url}'. Please test that the url is reachable with a POST call and returns a 200 http status code.`,
      );
    }
    created.push(record);
  }
  return reply(
    201,
    created.map(({ callbackId, callbackName, url, maxBatchSize, signatureKey }) => ({ callbackId, callbackName, url, maxBatchSize, signatureKey })),
  );
}

/** PUT /platform/v1/ens-callbacks: name and batch size of existing callbacks. */
function updateCallbacks({ body, state }: RouteContext): Reply {
  if (!Array.isArray(body) || body.length === 0) return invalid('InvalidRequest: the body must be a non-empty array of callbacks');
  const updated: JsonObject[] = [];
  for (const item of body) {
    if (!isRecord(item) || !isFilledString(item.callbackId)) return invalid('MissingRequiredField_callbackId');
    const callback = state.sfmc.ens.callbacks.get(item.callbackId);
    if (!callback) return notFound(`callback ${item.callbackId}`);
    const problem = batchSizeProblem(item.maxBatchSize);
    if (problem) return invalid(problem);
    if (isFilledString(item.callbackName)) callback.callbackName = item.callbackName;
    if (item.maxBatchSize !== undefined) callback.maxBatchSize = item.maxBatchSize as number;
    updated.push(callbackView(callback));
  }
  return reply(200, updated);
}

/** POST /platform/v1/ens-verify: the key the callback received, echoed back. */
function verifyCallback({ body, state }: RouteContext): Reply {
  if (!isRecord(body) || !isFilledString(body.callbackId) || !isFilledString(body.verificationKey))
    return invalid('MissingRequiredField: callbackId and verificationKey are required');
  const callback = state.sfmc.ens.callbacks.get(body.callbackId);
  if (!callback || callback.verificationKey !== body.verificationKey) return notFound('incorrect callback ID, verification key, or both');
  callback.status = 'verified';
  callback.statusReason = '';
  return reply(200);
}

function subscriptionProblem(item: JsonObject): string | undefined {
  const { eventCategoryTypes: types, filters } = item;
  if (!Array.isArray(types) || types.length === 0) return 'MissingRequiredField_eventCategoryTypes';
  const unknown: unknown = types.find((type) => typeof type !== 'string' || !KNOWN_EVENTS.has(type.toLowerCase()));
  if (unknown !== undefined) return `InvalidValue_eventCategoryTypes: ${String(unknown)} is not a supported event type`;
  if (filters !== undefined && (!Array.isArray(filters) || filters.some((filter) => typeof filter !== 'string' || !/^[^=]+=.+$/.test(filter))))
    return 'InvalidValue_filters: each filter is a key=value string';
  return undefined;
}

/** POST /platform/v1/ens-subscriptions: one subscription (an object, or an array holding one). */
function createSubscription({ body, state }: RouteContext): Reply {
  const item: unknown = Array.isArray(body) && body.length === 1 ? body[0] : body;
  if (!isRecord(item) || !isFilledString(item.subscriptionName)) return invalid('MissingRequiredField_subscriptionName');
  if (!isFilledString(item.callbackId)) return invalid('MissingRequiredField_callbackId');
  const { callbacks, subscriptions } = state.sfmc.ens;
  const callback = callbacks.get(item.callbackId);
  if (!callback) return notFound(`callback ${item.callbackId}`);
  if (callback.status !== 'verified')
    return invalid(`CallbackNotVerified: callback ${callback.callbackId} must be verified (POST /platform/v1/ens-verify) before it gets subscriptions`);
  const problem = subscriptionProblem(item);
  if (problem) return invalid(problem);
  const siblings = [...subscriptions.values()];
  if (siblings.some((other) => other.subscriptionName.toLowerCase() === (item.subscriptionName as string).toLowerCase()))
    return invalid(`DuplicateValue_subscriptionName: ${item.subscriptionName} already exists`);
  if (siblings.filter((other) => other.callbackId === callback.callbackId).length >= MAX_SUBSCRIPTIONS)
    return invalid(`LimitExceeded: at most ${MAX_SUBSCRIPTIONS} subscriptions per callback`);
  const record: EnsSubscriptionRecord = {
    subscriptionId: randomUUID(),
    subscriptionName: item.subscriptionName,
    callbackId: callback.callbackId,
    eventCategoryTypes: item.eventCategoryTypes as string[],
    filters: (item.filters as string[] | undefined) ?? [],
    status: 'active',
    statusReason: '',
  };
  subscriptions.set(record.subscriptionId, record);
  const view = subscriptionView(record, callbacks);
  return reply(201, Array.isArray(body) ? [view] : view);
}

/** PUT /platform/v1/ens-subscriptions: an array of subscriptions by id, with their new types, filters, name or status. */
function updateSubscriptions({ body, state }: RouteContext): Reply {
  const items = Array.isArray(body) ? body : [body];
  const { callbacks, subscriptions } = state.sfmc.ens;
  const updated: JsonObject[] = [];
  for (const item of items) {
    if (!isRecord(item) || !isFilledString(item.subscriptionId)) return invalid('MissingRequiredField_subscriptionId');
    const record = subscriptions.get(item.subscriptionId);
    if (!record) return notFound(`subscription ${item.subscriptionId}`);
    const problem = subscriptionProblem(item);
    if (problem) return invalid(problem);
    if (item.status !== undefined && item.status !== 'active' && item.status !== 'paused') return invalid('InvalidValue_status: active or paused');
    record.eventCategoryTypes = item.eventCategoryTypes as string[];
    if (item.filters !== undefined) record.filters = item.filters as string[];
    if (isFilledString(item.subscriptionName)) record.subscriptionName = item.subscriptionName;
    if (item.status !== undefined) record.status = item.status;
    updated.push(subscriptionView(record, callbacks));
  }
  return reply(200, updated);
}

const common = { platform: 'sfmc', auth: 'sfmc-token', rateLimit: 'sfmc' } as const;
const CALLBACKS = '/platform/v1/ens-callbacks';
const SUBSCRIPTIONS = '/platform/v1/ens-subscriptions';

export const ensRoutes: Route[] = [
  { ...common, method: 'POST', path: CALLBACKS, kind: 'write', handle: createCallbacks },
  { ...common, method: 'PUT', path: CALLBACKS, kind: 'write', handle: updateCallbacks },
  { ...common, method: 'GET', path: CALLBACKS, kind: 'read', handle: ({ state }) => reply(200, [...state.sfmc.ens.callbacks.values()].map(callbackView)) },
  {
    ...common,
    method: 'GET',
    path: `${CALLBACKS}/:callbackId`,
    kind: 'read',
    handle: ({ params, state }) => {
      const callback = state.sfmc.ens.callbacks.get(params.callbackId ?? '');
      return callback ? reply(200, callbackView(callback)) : notFound(`callback ${params.callbackId}`);
    },
  },
  {
    ...common,
    method: 'DELETE',
    path: `${CALLBACKS}/:callbackId`,
    kind: 'write',
    handle: ({ params, state }) => {
      const { callbacks, subscriptions } = state.sfmc.ens;
      if (!callbacks.delete(params.callbackId ?? '')) return notFound(`callback ${params.callbackId}`);
      for (const [id, subscription] of subscriptions) if (subscription.callbackId === params.callbackId) subscriptions.delete(id);
      return reply(200);
    },
  },
  { ...common, method: 'POST', path: '/platform/v1/ens-verify', kind: 'write', handle: verifyCallback },
  { ...common, method: 'POST', path: SUBSCRIPTIONS, kind: 'write', handle: createSubscription },
  { ...common, method: 'PUT', path: SUBSCRIPTIONS, kind: 'write', handle: updateSubscriptions },
  {
    ...common,
    method: 'GET',
    path: '/platform/v1/ens-subscriptions-by-cb/:callbackId',
    kind: 'read',
    handle: ({ params, state }) => {
      const { callbacks, subscriptions } = state.sfmc.ens;
      if (!callbacks.has(params.callbackId ?? '')) return notFound(`callback ${params.callbackId}`);
      return reply(
        200,
        [...subscriptions.values()].filter((record) => record.callbackId === params.callbackId).map((record) => subscriptionView(record, callbacks)),
      );
    },
  },
  {
    ...common,
    method: 'DELETE',
    path: `${SUBSCRIPTIONS}/:subscriptionId`,
    kind: 'write',
    handle: ({ params, state }) =>
      state.sfmc.ens.subscriptions.delete(params.subscriptionId ?? '') ? reply(200) : notFound(`subscription ${params.subscriptionId}`),
  },
];
