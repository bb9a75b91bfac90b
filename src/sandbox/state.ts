import type { JsonObject } from './json-values.js';
import { createEnsState, type EnsState } from './events/ens-state.js';

/** A Content Builder asset as stored: the client's fields plus those SFMC assigns. */
export interface AssetRecord extends JsonObject {
  id: number;
  objectID: string;
  customerKey: string;
  name: string;
  assetType: { id: number; name: string; displayName: string };
  category: JsonObject & { id: number };
  status: { id: number; name: string };
  version: number;
  createdDate: string;
  modifiedDate: string;
}

export type SfmcChannel = 'email' | 'sms';
export type DefinitionStatus = 'Active' | 'Inactive' | 'Deleted';

/** A transactional send definition as stored (email or SMS: the shape is the same). */
export interface DefinitionRecord extends JsonObject {
  definitionKey: string;
  definitionId: string;
  name: string;
  status: DefinitionStatus;
  createdDate: string;
  modifiedDate: string;
}

/** One accepted SFMC send. Its status is derived on request from `queuedAt` and the clock. */
export interface SfmcSentMessage {
  channel: SfmcChannel;
  messageKey: string;
  definitionKey: string;
  recipient: JsonObject;
  requestId: string;
  queuedAt: number;
  /** Set when the recipient address cannot be delivered to; the send then ends `...NotSent`. */
  notSent?: { statusCode?: number; statusMessage: string };
}

/** A Customer.io transactional message (the template), as GET /v1/transactional/{id} shows it. */
export interface CustomerioMessage {
  id: number;
  name: string;
  trigger_name: string;
  description: string;
  send_to_unsubscribed: boolean;
  link_tracking: boolean;
  open_tracking: boolean;
  hide_message_body: boolean;
  queue_drafts: boolean;
  created_at: number;
  updated_at: number;
}

/**
 * Customer.io's action types; SMS content is a `twilio` action. `whatsapp` is not in the App API
 * reference: the emulator follows txkit's modelling of WhatsApp content (docs/whatsapp.md).
 */
export type CustomerioContentType = 'email' | 'twilio' | 'whatsapp' | 'push';

/** One language variant of a transactional message, as GET .../contents shows it. */
export interface CustomerioContent {
  id: number;
  name: string;
  created: number;
  updated: number;
  /** '' for the default language. */
  language: string;
  type: CustomerioContentType;
  body: string;
  body_amp: string;
  subject: string;
  preheader_text: string;
  recipient: string;
  from: string;
  from_id: number | null;
  reply_to: string;
  reply_to_id: number | null;
  cc: string;
  bcc: string;
  fake_bcc: boolean;
  /** A JSON string of `[{name, value}]`: GET returns a string although PUT takes an array. */
  headers: string;
}

/** The content type a template needs for each channel it sends. */
export const customerioContentTypeOf: Record<CustomerioDelivery['channel'], CustomerioContentType> = { email: 'email', sms: 'twilio', whatsapp: 'whatsapp' };

export interface CustomerioDelivery {
  delivery_id: string;
  queued_at: number;
  channel: 'email' | 'sms' | 'whatsapp';
  request: JsonObject;
  /** The transactional message (template) id the send used, if it named one. */
  templateId?: number;
  /** The address the delivery went (or would have gone) to. */
  recipient: string;
  subject?: string;
  /** Why Customer.io failed the delivery (a template printing an attribute the data lacks); absent when it was sent. */
  failure?: string;
}

/** Everything the sandbox holds, inspectable (and adjustable) by tests. */
export interface SandboxState {
  sfmc: {
    /** Access token → expiry time in ms. */
    tokens: Map<string, number>;
    assets: Map<number, AssetRecord>;
    definitions: Record<SfmcChannel, Map<string, DefinitionRecord>>;
    /** By messageKey, both channels: a key is unique per business unit. */
    messages: Map<string, SfmcSentMessage>;
    /** Event Notification Service callbacks and subscriptions. */
    ens: EnsState;
  };
  customerio: {
    messages: Map<number, CustomerioMessage>;
    /** Transactional message id → its language variants. */
    contents: Map<number, CustomerioContent[]>;
    deliveries: CustomerioDelivery[];
  };
}

export function createState(): SandboxState {
  return {
    sfmc: {
      tokens: new Map(),
      assets: new Map(),
      definitions: { email: new Map(), sms: new Map() },
      messages: new Map(),
      ens: createEnsState(),
    },
    customerio: { messages: new Map(), contents: new Map(), deliveries: [] },
  };
}

/** The record a numeric path parameter names; undefined when it names none or is not a number. */
export function findById<T>(records: Map<number, T>, id: string | undefined): T | undefined {
  return /^\d+$/.test(id ?? '') ? records.get(Number(id)) : undefined;
}

/** One past the highest id in use, or `first` when none is: ids stay small and predictable. */
export function nextId(ids: Iterable<number>, first: number): number {
  let next = first;
  for (const id of ids) next = Math.max(next, id + 1);
  return next;
}

/** Customer.io's timestamps are unix seconds. */
export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
