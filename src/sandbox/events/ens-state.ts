/** Event Notification Service records as the sandbox stores them. */

export interface EnsCallbackRecord {
  callbackId: string;
  callbackName: string;
  url: string;
  maxBatchSize: number;
  /** HMAC key of the notifications; returned once, by the create call. */
  signatureKey: string;
  /** Single-use key POSTed to the callback; ens-verify must echo it. */
  verificationKey: string;
  status: 'verified' | 'unverified';
  statusReason: string;
}

export interface EnsSubscriptionRecord {
  subscriptionId: string;
  subscriptionName: string;
  callbackId: string;
  eventCategoryTypes: string[];
  filters: string[];
  status: 'active' | 'paused';
  statusReason: string;
}

export interface EnsState {
  callbacks: Map<string, EnsCallbackRecord>;
  subscriptions: Map<string, EnsSubscriptionRecord>;
}

export function createEnsState(): EnsState {
  return { callbacks: new Map(), subscriptions: new Map() };
}

/** Whether an event passes a subscription's `key=value` filters: all keys must match, any value of a repeated key. */
export function passesFilters(filters: readonly string[], event: Record<string, unknown>): boolean {
  const wanted = new Map<string, string[]>();
  for (const filter of filters) {
    const [key = '', value = ''] = filter.split('=', 2).map((part) => part.trim());
    wanted.set(key, [...(wanted.get(key) ?? []), value.toLowerCase()]);
  }
  return [...wanted].every(([key, values]) => values.includes(String(event[key] ?? '').toLowerCase()));
}
