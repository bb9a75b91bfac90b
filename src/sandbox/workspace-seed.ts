import type { Message } from '../workspace/index.js';
import type { CustomerioMessageSeed, SandboxSeed } from './seed.js';
import type { CustomerioContentType } from './state.js';

/** Told apart in the sandbox's list, as someone naming them in the UI would. */
const nameSuffix: Record<Exclude<CustomerioContentType, 'push'>, string> = { email: '', twilio: ' (SMS)', whatsapp: ' (WhatsApp)' };

/** The languages a message's channel is translated into: the variants someone added with Add language (WhatsApp has no translations). */
function translatedLanguages(message: Message, channel: 'email' | 'sms' | 'whatsapp'): string[] {
  if (channel === 'whatsapp') return [];
  return (message.translations ?? []).flatMap((translation) => (translation[channel] ? [translation.language] : []));
}

/**
 * The Customer.io transactional messages a workspace refers to, empty, as someone would have
 * created them once in Customer.io's UI (its API has no create route), sender included, with a
 * content variant for each language the message is translated into (Add language, which the API
 * cannot do either): with them, `txkit push --target customerio` works against a fresh sandbox.
 * Names and string ids (trigger names) are left to the real platform.
 */
export function customerioSeedFor(messages: readonly Message[]): SandboxSeed {
  const seeds = new Map<number, CustomerioMessageSeed>();
  for (const message of messages) {
    const target = message.definition.targets.customerio;
    const channels = [
      {
        id: target?.transactionalMessageId,
        channel: 'email' as const,
        type: 'email' as const,
        language: target?.language,
        from: message.definition.email?.from ?? '',
      },
      { id: target?.sms?.transactionalMessageId, channel: 'sms' as const, type: 'twilio' as const, language: target?.sms?.language, from: '' },
      {
        id: target?.whatsapp?.transactionalMessageId,
        channel: 'whatsapp' as const,
        type: 'whatsapp' as const,
        language: target?.whatsapp?.language,
        from: '',
      },
    ];
    for (const { id, channel, type, language, from } of channels) {
      if (typeof id !== 'number' || seeds.has(id)) continue;
      const languages = [language ?? '', ...translatedLanguages(message, channel)];
      seeds.set(id, {
        id,
        name: `${message.definition.name}${nameSuffix[type]}`,
        contents: [...new Set(languages)].map((variant) => ({ type, language: variant, from })),
      });
    }
  }
  return { customerio: { messages: [...seeds.values()] } };
}
