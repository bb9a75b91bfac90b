/**
 * The ENS objects messages ask for with `targets.sfmc.events`: one callback per URL, verified
 * before use, and per message and channel a subscription named after the definition, filtered
 * on its definitionKey. Planned like every other object: created when missing, updated when
 * the event types differ, otherwise left alone.
 */

import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { sfmcEmailEvents, type Message } from '../../workspace/index.js';
import { schemaMessage } from '../../workspace/rules/index.js';
import { planAction, type PlanStep } from '../plan.js';
import { PlatformError } from '../platform-error.js';
import type { SfmcPublication } from '../../platforms/sfmc/message-export.js';
import type { EnsApi, EnsCallback, EnsSubscription, EnsSubscriptionBody } from './ens-api.js';
import { PLATFORM_ERROR } from './platform-diagnostics.js';

const CATEGORY = 'TransactionalSendEvents';

export interface EnsPlanOptions {
  /** Receives the signature key of a callback txkit created (SFMC returns it this once). */
  onSignatureKey(url: string, signatureKey: string): Promise<void>;
  /** How long a new callback may take to be verified before push gives up on its subscriptions. Default 60 s. */
  verifyTimeoutMs?: number;
  /** Interval of the verification status reads. Default 1 s. */
  pollIntervalMs?: number;
}

interface Subscriber {
  message: Message;
  definitionKey: string;
  body: EnsSubscriptionBody;
}

export const ensCallbackName = (url: string) => `txkit ${url}`.slice(0, 100);
export const ensSubscriptionName = (definitionKey: string) => `txkit-${definitionKey}`;

const isEmailEvent = (event: string) => (sfmcEmailEvents as readonly string[]).includes(event);

/** The subscriptions a message's events make, one per channel it publishes; events of a channel it does not publish are diagnostics. */
function subscribersOf(message: Message, publication: SfmcPublication, diagnostics: Diagnostic[]): Subscriber[] {
  const events = publication.target.events?.events ?? [];
  const byChannel = [
    { events: events.filter(isEmailEvent), definitionKey: publication.email?.definitionKey, channel: 'email' },
    { events: events.filter((event) => !isEmailEvent(event)), definitionKey: publication.sms?.definitionKey, channel: 'SMS' },
  ];
  return byChannel.flatMap(({ events: wanted, definitionKey, channel }) => {
    if (wanted.length === 0) return [];
    if (definitionKey === undefined) {
      diagnostics.push({
        ruleId: schemaMessage.meta.id,
        severity: 'error',
        message: `events ${wanted.join(', ')} need an SFMC ${channel} definition, and this message publishes none`,
        file: message.file,
        ...message.document.locate(['targets', 'sfmc', 'events', 'events'], 'value'),
      });
      return [];
    }
    const body = {
      subscriptionName: ensSubscriptionName(definitionKey),
      eventCategoryTypes: wanted.map((event) => `${CATEGORY}.${event}`).sort(),
      filters: [`definitionKey=${definitionKey}`],
    };
    return [{ message, definitionKey, body }];
  });
}

const comparable = (fields: { eventCategoryTypes: string[]; filters?: string[] | undefined }) => ({
  eventCategoryTypes: [...fields.eventCategoryTypes].sort(),
  filters: [...(fields.filters ?? [])].sort(),
});

export async function planEns(
  api: EnsApi,
  published: readonly { message: Message; publication: SfmcPublication }[],
  options: EnsPlanOptions,
): Promise<{ steps: PlanStep[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const byUrl = new Map<string, Subscriber[]>();
  for (const { message, publication } of published) {
    const url = publication.target.events?.url;
    if (url === undefined) continue;
    byUrl.set(url, [...(byUrl.get(url) ?? []), ...subscribersOf(message, publication, diagnostics)]);
  }
  if (byUrl.size === 0) return { steps: [], diagnostics };

  let remote: EnsCallback[];
  try {
    remote = await api.listCallbacks();
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    const first = published[0]!.message;
    diagnostics.push({
      ruleId: PLATFORM_ERROR,
      severity: 'error',
      message: `cannot read the SFMC event callbacks: ${error.message}`,
      file: first.file,
      line: 1,
      column: 1,
    });
    return { steps: [], diagnostics };
  }
  const steps: PlanStep[] = [];
  for (const [url, subscribers] of byUrl) {
    if (subscribers.length === 0) continue;
    const existing = remote.find((callback) => callback.url === url);
    if (existing?.status !== undefined && existing.status !== 'verified') diagnostics.push(unverified(subscribers[0]!.message, url, existing.callbackId));
    try {
      steps.push(...(await planCallback(api, url, existing, subscribers, options)));
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      const { message } = subscribers[0]!;
      diagnostics.push({
        ruleId: PLATFORM_ERROR,
        severity: 'error',
        message: `cannot read the subscriptions of the SFMC event callback ${url}: ${error.message}`,
        file: message.file,
        line: 1,
        column: 1,
      });
    }
  }
  return { steps, diagnostics };
}

async function planCallback(
  api: EnsApi,
  url: string,
  existing: EnsCallback | undefined,
  subscribers: Subscriber[],
  options: EnsPlanOptions,
): Promise<PlanStep[]> {
  const callbackStepId = `sfmc:ens-callback:${url}`;
  let callbackId = existing?.callbackId;
  const desired = { callbackName: ensCallbackName(url), url };
  const owner = subscribers[0]!.message;
  const callbackStep: PlanStep = {
    id: callbackStepId,
    platform: 'sfmc',
    kind: 'ens-callback',
    key: url,
    messageId: owner.id,
    // The URL is the callback's identity; a name edited in SFMC is left as it is.
    ...planAction(desired, existing ? desired : undefined),
    dependsOn: [],
    async apply() {
      const created = await api.createCallback(desired.callbackName, url);
      callbackId = created.callbackId;
      await options.onSignatureKey(url, created.signatureKey);
      await waitForVerification(api, created.callbackId, url, options);
    },
  };
  const remoteSubscriptions: EnsSubscription[] = callbackId ? await api.subscriptionsOf(callbackId) : [];
  const subscriptionSteps = subscribers.map(({ message, definitionKey, body }): PlanStep => {
    const remote = remoteSubscriptions.find((candidate) => candidate.subscriptionName.toLowerCase() === body.subscriptionName.toLowerCase());
    const { action, changes } = planAction(comparable(body), remote ? comparable(remote) : undefined);
    return {
      id: `sfmc:ens-subscription:${body.subscriptionName.toLowerCase()}`,
      platform: 'sfmc',
      kind: 'ens-subscription',
      key: body.subscriptionName,
      messageId: message.id,
      action,
      changes: action === 'create' ? [...changes, { path: 'definitionKey', before: undefined, after: definitionKey }] : changes,
      dependsOn: [callbackStepId],
      apply: () => (remote ? api.updateSubscription(remote.subscriptionId, body) : api.createSubscription(callbackId!, body)),
    };
  });
  return [callbackStep, ...subscriptionSteps];
}

/** SFMC subscribes only verified callbacks, and the verification key was sent once, at creation. */
function unverified(message: Message, url: string, callbackId: string): Diagnostic {
  return {
    ruleId: PLATFORM_ERROR,
    severity: 'error',
    message: `the SFMC event callback ${url} (${callbackId}) exists but was never verified, so SFMC refuses its subscriptions`,
    hint: 'its endpoint must POST the verificationKey it received at creation to /platform/v1/ens-verify; if that key is lost, delete the callback in SFMC and push again',
    file: message.file,
    ...message.document.locate(['targets', 'sfmc', 'events', 'url'], 'value'),
  };
}

/** A new callback gets subscriptions only once its endpoint has echoed the verification key to ens-verify. */
async function waitForVerification(api: EnsApi, callbackId: string, url: string, options: EnsPlanOptions): Promise<void> {
  const deadline = Date.now() + (options.verifyTimeoutMs ?? 60_000);
  for (;;) {
    if ((await api.getCallback(callbackId))?.status === 'verified') return;
    if (Date.now() >= deadline) {
      throw new PlatformError(
        `the event callback ${url} was created but not verified: its endpoint must POST the verificationKey it received to /platform/v1/ens-verify (\`txkit events listen\` does), then push again to subscribe`,
        { method: 'GET', url: `ens-callbacks/${callbackId}` },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollIntervalMs ?? 1000));
  }
}
