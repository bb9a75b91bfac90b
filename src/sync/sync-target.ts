import type { Diagnostic } from '../diagnostics/index.js';
import type { ExportedMessage } from '../platforms/exported-message.js';
import type { Engines } from '../render/index.js';
import type { Message, ResolvedConfig, Sample } from '../workspace/index.js';
import type { Plan, Platform } from './plan.js';
import type { Environment } from './secrets.js';

export type { ExportedMessage } from '../platforms/exported-message.js';

/** What every platform target gets: the resolved config, the environment (.env merged) and shared engines. */
export interface SyncContext {
  config: ResolvedConfig;
  env: Environment;
  engines: Engines;
  /** Secret values to scrub from anything printed. */
  secrets: readonly string[];
  /** Max parallel requests (the CLI's --concurrency). */
  concurrency: number;
  /** Fires when the command's total time (`--timeout`) is up: requests in flight are abandoned, none is retried. */
  deadline?: AbortSignal;
}

export interface SendRequest {
  message: Message;
  sample: Sample;
  channel: 'email' | 'sms' | 'whatsapp';
  /** Email address or E.164 number. */
  to: string;
  /** How long to wait for the platform's final status (sent / not sent) before reporting `queued`. */
  timeoutMs?: number;
}

export interface SendOutcome {
  /** `sent`, `queued` (accepted, final state unknown), `not-sent`. */
  status: 'sent' | 'queued' | 'not-sent';
  /** The platform's id for the delivery (SFMC messageKey, Customer.io delivery_id). */
  id: string;
  detail?: string;
}

export interface PulledMessage {
  /** Folder name to create under the workspace. */
  id: string;
  /** Files to write, relative to the new message folder (message.yaml, email.html, sms.txt, samples/example.json). */
  files: Record<string, string>;
}

/**
 * A publishing platform. `plan` reads the remote state and returns the steps (with their
 * writes as closures) — `diff` prints it, `push` executes it. Targets hold no CLI code.
 */
export interface SyncTarget {
  readonly platform: Platform;
  /** Credentials and base URLs from the environment; missing ones are a thrown UsageError naming the variables. */
  connect(context: SyncContext): Promise<SyncConnection>;
  /** The message's published form (`txkit render --target`); needs no credentials. */
  exportMessage?(message: Message, options: { workspaceRoot: string }): Promise<ExportedMessage>;
}

export interface SyncConnection {
  /** Messages this target publishes (those with `targets.<platform>`), planned against the remote state. */
  plan(messages: readonly Message[]): Promise<Plan>;
  send(request: SendRequest): Promise<SendOutcome>;
  /** Remote messages not yet in the workspace, as new message folders. */
  pull?(existing: readonly Message[]): Promise<{ messages: PulledMessage[]; diagnostics: Diagnostic[] }>;
}
