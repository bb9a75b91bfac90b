/**
 * A local emulator of the two platforms txkit publishes to: SFMC (auth, Content Builder assets,
 * transactional email and SMS definitions and sends) and Customer.io (transactional App API and
 * sends), on one HTTP server on 127.0.0.1, with switchable faults for testing clients.
 */
export { startSandbox, type RequestLogEntry, type Sandbox } from './server.js';
export { defaultOutboxLimit, type ResolvedSandboxOptions, type SandboxOptions } from './options.js';
export type { OutboxChannel, OutboxEmail, OutboxEntry, OutboxOutcome, OutboxSms } from './outbox/outbox-entry.js';
export type { Outbox } from './outbox/outbox.js';
export { outboxEventsPath, outboxPath } from './outbox/outbox-http.js';
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
