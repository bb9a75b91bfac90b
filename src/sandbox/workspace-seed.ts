import type { Message } from '../workspace/index.js';
import type { CustomerioMessageSeed, SandboxSeed } from './seed.js';
import type { CustomerioContentType } from './state.js';

/** Told apart in the sandbox's list, as someone naming them in the UI would. */
const nameSuffix: Record<Exclude<CustomerioContentType, 'push'>, string> = { email: '', twilio: ' (SMS)', whatsapp: ' (WhatsApp)' };

/**
 * The Customer.io transactional messages a workspace refers to, empty, as someone would have
 * created them once in Customer.io's UI (its API has no create route), sender included: with
 * them, `txkit push --target customerio` works against a fresh sandbox. Names and string ids (trigger names) are
 * left to the real platform.
 */
export function customerioSeedFor(messages: readonly Message[]): SandboxSeed {
  const seeds = new Map<number, CustomerioMessageSeed>();
  for (const message of messages) {
    const target = message.definition.targets.customerio;
    const channels = [
      { id: target?.transactionalMessageId, type: 'email' as const, language: target?.language, from: message.definition.email?.from ?? '' },
      { id: target?.sms?.transactionalMessageId, type: 'twilio' as const, language: target?.sms?.language, from: '' },
      { id: target?.whatsapp?.transactionalMessageId, type: 'whatsapp' as const, language: target?.whatsapp?.language, from: '' },
    ];
    for (const { id, type, language, from } of channels) {
      if (typeof id !== 'number' || seeds.has(id)) continue;
      seeds.set(id, { id, name: `${message.definition.name}${nameSuffix[type]}`, contents: [{ type, language: language ?? '', from }] });
    }
  }
  return { customerio: { messages: [...seeds.values()] } };
}
