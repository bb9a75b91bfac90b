/**
 * Event Notification Service calls (https://developer.salesforce.com/docs/marketing/marketing-cloud/references/mc_rest_event_notification/):
 * callbacks, their verification, and subscriptions. Only the fields txkit relies on are
 * required of the answers; the rest pass through.
 */

import { z } from 'zod';
import type { HttpClient } from '../http-client.js';

export const ENS_CALLBACKS = 'platform/v1/ens-callbacks';
export const ENS_SUBSCRIPTIONS = 'platform/v1/ens-subscriptions';
export const ENS_VERIFY = 'platform/v1/ens-verify';

const callback = z.looseObject({ callbackId: z.string(), url: z.string(), callbackName: z.string().optional(), status: z.string().optional() });
export type EnsCallback = z.infer<typeof callback>;
const createdCallback = z.looseObject({ callbackId: z.string(), signatureKey: z.string() });
const subscription = z.looseObject({
  subscriptionId: z.string(),
  subscriptionName: z.string(),
  eventCategoryTypes: z.array(z.string()),
  filters: z.array(z.string()).optional(),
});
export type EnsSubscription = z.infer<typeof subscription>;
const anything = z.unknown();

export interface EnsSubscriptionBody {
  subscriptionName: string;
  eventCategoryTypes: string[];
  filters: string[];
}

export function createEnsApi(http: HttpClient) {
  return {
    async listCallbacks(): Promise<EnsCallback[]> {
      return (await http.request<EnsCallback[]>('GET', ENS_CALLBACKS, { schema: z.array(callback) })).body;
    },
    async getCallback(callbackId: string): Promise<EnsCallback | undefined> {
      const { status, body } = await http.request<EnsCallback>('GET', `${ENS_CALLBACKS}/${encodeURIComponent(callbackId)}`, {
        accept: [404],
        schema: callback,
      });
      return status === 404 ? undefined : body;
    },
    /** Not retried after a dropped connection: a repeat is refused (the URL is taken) and the first key would be lost. */
    async createCallback(callbackName: string, url: string): Promise<{ callbackId: string; signatureKey: string }> {
      const { body } = await http.request<{ callbackId: string; signatureKey: string }[]>('POST', ENS_CALLBACKS, {
        body: [{ callbackName, url }],
        schema: z.array(createdCallback).length(1),
      });
      return body[0]!;
    },
    async verifyCallback(callbackId: string, verificationKey: string): Promise<void> {
      await http.request('POST', ENS_VERIFY, { body: { callbackId, verificationKey }, schema: anything });
    },
    async subscriptionsOf(callbackId: string): Promise<EnsSubscription[]> {
      const { body } = await http.request<EnsSubscription[]>('GET', `platform/v1/ens-subscriptions-by-cb/${encodeURIComponent(callbackId)}`, {
        schema: z.array(subscription),
      });
      return body;
    },
    async createSubscription(callbackId: string, fields: EnsSubscriptionBody): Promise<void> {
      await http.request('POST', ENS_SUBSCRIPTIONS, { body: { callbackId, ...fields }, schema: anything });
    },
    async updateSubscription(subscriptionId: string, fields: EnsSubscriptionBody): Promise<void> {
      await http.request('PUT', ENS_SUBSCRIPTIONS, { body: [{ subscriptionId, ...fields }], schema: anything });
    },
  };
}

export type EnsApi = ReturnType<typeof createEnsApi>;
