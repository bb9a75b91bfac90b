import type { JsonObject } from './json-values.js';
import type { Reply } from './router.js';
import { createAsset } from './sfmc-assets.js';
import { createDefinition } from './sfmc-definitions.js';
import { nextId, unixSeconds, type CustomerioContent, type CustomerioMessage, type SandboxState } from './state.js';

/** A Customer.io content variant to seed; `headers` is given as an array, as PUT takes it. */
export interface CustomerioContentSeed extends Partial<Omit<CustomerioContent, 'headers'>> {
  headers?: { name: string; value: string }[];
}

/** A Customer.io transactional message to seed. Without `contents` it gets one default-language email. */
export interface CustomerioMessageSeed extends Partial<CustomerioMessage> {
  name: string;
  contents?: CustomerioContentSeed[];
}

/**
 * Remote state to start from. SFMC objects are POST bodies and pass the same validation as the
 * routes; Customer.io messages exist only this way, since its API has no create route. Ids left
 * out are assigned from 1 (Customer.io) or 1000 (assets) upward.
 */
export interface SandboxSeed {
  sfmc?: { assets?: JsonObject[]; emailDefinitions?: JsonObject[]; smsDefinitions?: JsonObject[] };
  customerio?: { messages?: CustomerioMessageSeed[] };
}

export function seed(state: SandboxState, data: SandboxSeed, now: number): void {
  const context = (body: JsonObject) => ({ body, state, now });
  for (const asset of data.sfmc?.assets ?? []) created(createAsset(context(asset)));
  for (const definition of data.sfmc?.emailDefinitions ?? []) created(createDefinition('email', context(definition)));
  for (const definition of data.sfmc?.smsDefinitions ?? []) created(createDefinition('sms', context(definition)));
  for (const message of data.customerio?.messages ?? []) seedCustomerioMessage(state, message, unixSeconds(now));
}

function created(result: Reply): void {
  if (result.status >= 400) throw new Error(`sandbox seed rejected: ${JSON.stringify(result.body)}`);
}

function seedCustomerioMessage(state: SandboxState, { contents = [{}], ...fields }: CustomerioMessageSeed, seconds: number): void {
  const { messages, contents: variantsById } = state.customerio;
  const id = fields.id ?? nextId(messages.keys(), 1);
  if (messages.has(id)) throw new Error(`sandbox seed rejected: transactional message ${id} exists`);
  const message: CustomerioMessage = {
    trigger_name: '',
    description: '',
    send_to_unsubscribed: true,
    link_tracking: true,
    open_tracking: true,
    hide_message_body: false,
    queue_drafts: false,
    created_at: seconds,
    updated_at: seconds,
    ...fields,
    id,
  };
  const variants: CustomerioContent[] = [];
  for (const { headers, ...variant } of contents) {
    const type = variant.type ?? 'email';
    const usedIds = [...variantsById.values(), variants].flat().map((content) => content.id);
    const contentId = variant.id ?? nextId(usedIds, 1);
    if (usedIds.includes(contentId)) throw new Error(`sandbox seed rejected: content ${contentId} exists`);
    variants.push({
      name: message.name,
      created: seconds,
      updated: seconds,
      language: '',
      body: '',
      body_amp: '',
      subject: '',
      preheader_text: '',
      recipient: type === 'twilio' || type === 'whatsapp' ? '{{customer.phone}}' : '{{customer.email}}',
      from: '',
      from_id: null,
      reply_to: '',
      reply_to_id: null,
      cc: '',
      bcc: '',
      fake_bcc: false,
      ...variant,
      id: contentId,
      type,
      headers: JSON.stringify(headers ?? []),
    });
  }
  messages.set(id, message);
  variantsById.set(id, variants);
}
