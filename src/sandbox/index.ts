/**
 * A local emulator of the two platforms txkit publishes to: SFMC (auth, Content Builder assets,
 * transactional email and SMS definitions and sends, Event Notification Service callbacks and
 * subscriptions) and Customer.io (transactional App API and sends, reporting webhooks), on one
 * HTTP server on 127.0.0.1, with switchable faults for testing clients. Accepted sends are
 * reported, signed, to the registered ENS callbacks and the configured reporting webhook.
 */
export { startSandbox, type RequestLogEntry, type Sandbox } from './server.js';
export { defaultOutboxLimit, type ReportingWebhook, type ResolvedSandboxOptions, type SandboxOptions } from './options.js';
export type { OutboxChannel, OutboxEmail, OutboxEntry, OutboxOutcome, OutboxSms } from './outbox/outbox-entry.js';
export type { Outbox } from './outbox/outbox.js';
export { outboxEventsPath, outboxPath } from './outbox/outbox-http.js';
export type { EventDispatcher } from './events/event-dispatcher.js';
export type { DeliveryAttempt } from './events/signed-delivery.js';
export type { EnsCallbackRecord, EnsState, EnsSubscriptionRecord } from './events/ens-state.js';
export type { Fault, FaultSettings } from './faults.js';
export type { CustomerioContentSeed, CustomerioMessageSeed, SandboxSeed } from './seed.js';
export type { Platform, RouteKind } from './router.js';
export type {
  AssetRecord,
  CustomerioContent,
  CustomerioContentType,
  CustomerioDelivery,
  CustomerioMessage,
  DefinitionRecord,
  DefinitionStatus,
  SandboxState,
  SfmcChannel,
  SfmcSentMessage,
} from './state.js';
export { customerioSeedFor } from './workspace-seed.js';
export { CUSTOMERIO_WEBHOOK_KEY_VARIABLE, reportingWebhookFromConfig } from './events/reporting-webhook-config.js';
