import type { FaultSettings } from './faults.js';
import type { ResolvedConfig } from '../workspace/index.js';

/** How to start a sandbox. Every field is optional; the defaults are documented beside it. */
export interface SandboxOptions {
  /** Port on 127.0.0.1. Default 0: a free port, read it from `sandbox.url`. */
  port?: number;
  sfmc?: {
    /** Default `sandbox-client-id`. */
    clientId?: string;
    /** Default `sandbox-client-secret`. */
    clientSecret?: string;
    /** Lifetime of an access token, reported as `expires_in`. Default 1079 (SFMC's ~18 minutes). */
    tokenLifetimeSeconds?: number;
    /**
     * The attribute names the account knows (profile attributes, data-extension fields). When
     * set, a send carrying any other attribute is refused with 400 / 109122 UnknownFieldName
     * (shared/docs/platform-api.md, Sends). Default: every name is known.
     */
    knownAttributes?: readonly string[];
  };
  customerio?: {
    /** Bearer key for the App API; it may also send. Default `sandbox-app-api-key`. */
    appApiKey?: string;
    /** Bearer key accepted by /v1/send/* only. Default `sandbox-transactional-api-key`. */
    transactionalApiKey?: string;
    /** The reporting webhook accepted sends report to (sent, delivered, …). Default none. */
    reportingWebhook?: ReportingWebhook;
  };
  /** Delivery of ENS notifications and Customer.io webhook events. */
  events?: {
    /** Waits before each retry of a failed delivery, in ms; ENS retries 3 times. Default [1000, 2000, 4000]. */
    retryDelaysMs?: readonly number[];
    /** How long ENS gathers events for one callback into a batch. Default 50 ms. */
    batchWindowMs?: number;
  };
  rateLimits?: {
    /** SFMC REST requests per second (the token call is not counted). Default Infinity. */
    sfmcPerSecond?: number;
    /** Customer.io App API requests per second (sends are not counted). Default 10, as documented. */
    customerioAppPerSecond?: number;
    /** Retry-After sent with every 429, real or injected. Default 5, SFMC's documented value. */
    retryAfterSeconds?: number;
  };
  /**
   * How long an SFMC send stays `EmailQueued`/`SMSQueued` before its outcome (`...Sent` or
   * `...NotSent`) shows in the status route. Default 200 ms; 0 makes the outcome immediate.
   */
  sendProcessingMs?: number;
  /** Faults active from the start; change them later with `sandbox.setFaults`. Default none. */
  faults?: FaultSettings;
  /**
   * The workspace sends are rendered from (SFMC definitionKey, Customer.io transactional message
   * id → the message naming it in `targets`). Without it the outbox keeps the requests unrendered.
   */
  workspace?: {
    config: ResolvedConfig;
    /** The sample whose `customer` stands for every recipient's profile. Default none: the profile is what the request says. */
    profileSample?: string;
  };
  outbox?: {
    /** Most sends kept, the oldest dropped first. Default 500. */
    limit?: number;
    /** JSON file the outbox is saved to after each send and read from at start. Default none: in memory only. */
    file?: string;
    /** Start with an empty outbox, deleting the file. */
    reset?: boolean;
    /** Told of an outbox file that cannot be read (the outbox starts empty) or written. Default: ignored. */
    onWarning?: (message: string) => void;
  };
  /** The clock, in ms. Default `Date.now`. Tests move it to expire tokens or messageKeys. */
  now?: () => number;
}

/** A Customer.io reporting webhook: where to, which metrics, signed with which key. */
export interface ReportingWebhook {
  url: string;
  events: readonly string[];
  signingKey: string;
}

export interface ResolvedSandboxOptions {
  port: number;
  sfmc: { clientId: string; clientSecret: string; tokenLifetimeSeconds: number; knownAttributes?: readonly string[] };
  customerio: { appApiKey: string; transactionalApiKey: string; reportingWebhook?: ReportingWebhook };
  events: { retryDelaysMs: readonly number[]; batchWindowMs: number };
  rateLimits: { sfmcPerSecond: number; customerioAppPerSecond: number; retryAfterSeconds: number };
  sendProcessingMs: number;
  faults: FaultSettings;
  workspace?: { config: ResolvedConfig; profileSample?: string };
  outbox: { limit: number; file?: string; reset: boolean; onWarning?: (message: string) => void };
  now: () => number;
}

/** `--outbox-limit`'s default. */
export const defaultOutboxLimit = 500;

export function resolveOptions(options: SandboxOptions = {}): ResolvedSandboxOptions {
  return {
    port: options.port ?? 0,
    sfmc: {
      clientId: options.sfmc?.clientId ?? 'sandbox-client-id',
      clientSecret: options.sfmc?.clientSecret ?? 'sandbox-client-secret',
      tokenLifetimeSeconds: options.sfmc?.tokenLifetimeSeconds ?? 1079,
      ...(options.sfmc?.knownAttributes ? { knownAttributes: options.sfmc.knownAttributes } : {}),
    },
    customerio: {
      appApiKey: options.customerio?.appApiKey ?? 'sandbox-app-api-key',
      transactionalApiKey: options.customerio?.transactionalApiKey ?? 'sandbox-transactional-api-key',
      ...(options.customerio?.reportingWebhook ? { reportingWebhook: options.customerio.reportingWebhook } : {}),
    },
    events: {
      retryDelaysMs: options.events?.retryDelaysMs ?? [1000, 2000, 4000],
      batchWindowMs: options.events?.batchWindowMs ?? 50,
    },
    rateLimits: {
      sfmcPerSecond: options.rateLimits?.sfmcPerSecond ?? Infinity,
      customerioAppPerSecond: options.rateLimits?.customerioAppPerSecond ?? 10,
      retryAfterSeconds: options.rateLimits?.retryAfterSeconds ?? 5,
    },
    sendProcessingMs: options.sendProcessingMs ?? 200,
    faults: options.faults ?? {},
    ...(options.workspace ? { workspace: options.workspace } : {}),
    outbox: { ...options.outbox, limit: options.outbox?.limit ?? defaultOutboxLimit, reset: options.outbox?.reset ?? false },
    now: options.now ?? Date.now,
  };
}
