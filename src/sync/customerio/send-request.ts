import type { Sample } from '../../workspace/index.js';
import { channelPhrase, numericId, type ChannelTarget } from './channel-targets.js';
import { isTranslationTarget } from './translation-targets.js';

/**
 * Who the send is about: the sample's `customer.id`, else its `customer.email`, else (email) the
 * address it goes to. Customer.io renders `customer.*` from that person's profile.
 */
function identifiersFor(target: ChannelTarget, sample: Sample, to: string): Record<string, string | number> | undefined {
  const { id, email } = sample.data.customer;
  if ((typeof id === 'string' && id !== '') || typeof id === 'number') return { id };
  if (typeof email === 'string' && email !== '') return { email };
  return target.channel === 'email' ? { email: to } : undefined;
}

/**
 * The body of `POST /v1/send/{email|sms|whatsapp}` for a test send of the published template with a
 * sample: its `trigger` object is the `message_data` the template sees as `trigger.*`. A
 * translation's view names its language, which "overrides language preferences for the person"
 * (`language`, https://docs.customer.io/integrations/api/app/tag/transactional/sendEmail/ and
 * sendSMS), so Customer.io sends that language's variant whatever the profile says.
 */
export function sendBody(target: ChannelTarget, sample: Sample, to: string): { body: Record<string, unknown> } | { problem: string } {
  const language = isTranslationTarget(target) ? (target.message.language ?? '') : target.language;
  const identifiers = identifiersFor(target, sample, to);
  if (!identifiers)
    return {
      problem: `sample "${sample.name}" has neither customer.id nor customer.email: Customer.io needs one to know who ${channelPhrase[target.channel]} message is for`,
    };
  return {
    body: {
      transactional_message_id: numericId(target.reference) ?? target.reference,
      identifiers,
      to,
      message_data: sample.data.trigger,
      ...(language !== '' ? { language } : {}),
    },
  };
}
