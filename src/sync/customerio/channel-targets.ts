import type { Diagnostic } from '../../diagnostics/index.js';
import type { CustomerioTarget, Message, PathSegment } from '../../workspace/index.js';

export type CustomerioChannel = 'email' | 'sms' | 'whatsapp';

export type CustomerioMessageSettings = NonNullable<CustomerioTarget['settings']>;

/** One channel of a workspace message and the Customer.io transactional message it publishes to. */
export interface ChannelTarget {
  message: Message;
  channel: CustomerioChannel;
  /** A numeric id, or a trigger name (resolved through the message list). */
  reference: number | string;
  /** '' is the default language. */
  language: string;
  settings?: CustomerioMessageSettings;
  /** Where message.yaml names the transactional message, for diagnostics. */
  at: PathSegment[];
  /** A translation's diagnostics point at its file instead (see translation-targets.ts). */
  location?: { file: string; line: number; column: number };
}

/** How messages name each channel. */
export const channelLabel: Record<CustomerioChannel, string> = { email: 'email', sms: 'SMS', whatsapp: 'WhatsApp' };

/**
 * The content type Customer.io gives each channel's variants (SMS content is a Twilio action).
 * The App API reference documents no type for WhatsApp content: `whatsapp` is txkit's
 * assumption, its modelling recorded in docs/whatsapp.md ("Publishing to Customer.io").
 */
export const contentTypeOf: Record<CustomerioChannel, string> = { email: 'email', sms: 'twilio', whatsapp: 'whatsapp' };

/** The channel as a sentence names it, with its article. */
export const channelPhrase: Record<CustomerioChannel, string> = { email: 'an email', sms: 'an SMS', whatsapp: 'a WhatsApp' };

/** `"101"` is an id; any other string is a trigger name. */
export function numericId(reference: number | string): number | undefined {
  if (typeof reference === 'number') return reference;
  return /^\d+$/.test(reference) ? Number(reference) : undefined;
}

/** Project defaults from txkit.config.yaml that a message's own settings override. */
export interface ChannelDefaults {
  /** `targets.customerio.sms.linkTracking`: the link tracking every SMS message is expected to have. */
  smsLinkTracking?: boolean | undefined;
}

/**
 * The channels a message publishes to Customer.io. A target without the channel it names is a
 * diagnostic; a channel whose files failed to load is skipped (the loader reported why).
 */
export function channelTargets(message: Message, defaults: ChannelDefaults = {}): { targets: ChannelTarget[]; diagnostics: Diagnostic[] } {
  const target = message.definition.targets.customerio;
  const targets: ChannelTarget[] = [];
  const diagnostics: Diagnostic[] = [];
  if (!target) return { targets, diagnostics };
  const missingSection = (channel: CustomerioChannel, at: PathSegment[]): Diagnostic => ({
    ruleId: 'customerio/missing-channel',
    severity: 'error',
    message: `${at.join('.')} is set but the message has no \`${channel}\` section to publish`,
    file: message.file,
    ...message.document.locate(at, 'key'),
    hint: `add an \`${channel}\` section, or remove ${at.join('.')}`,
  });
  if (target.transactionalMessageId !== undefined) {
    const at = ['targets', 'customerio', 'transactionalMessageId'];
    if (!message.definition.email) diagnostics.push(missingSection('email', at));
    else if (message.email) {
      targets.push({
        message,
        channel: 'email',
        reference: target.transactionalMessageId,
        language: target.language ?? '',
        ...(target.settings ? { settings: target.settings } : {}),
        at,
      });
    }
  }
  if (target.sms) {
    const at = ['targets', 'customerio', 'sms', 'transactionalMessageId'];
    if (!message.definition.sms) diagnostics.push(missingSection('sms', at));
    else if (message.sms) {
      const settings = { ...(defaults.smsLinkTracking === undefined ? {} : { linkTracking: defaults.smsLinkTracking }), ...target.sms.settings };
      targets.push({
        message,
        channel: 'sms',
        reference: target.sms.transactionalMessageId,
        language: target.sms.language ?? '',
        ...(Object.keys(settings).length > 0 ? { settings } : {}),
        at,
      });
    }
  }
  if (target.whatsapp) {
    const at = ['targets', 'customerio', 'whatsapp', 'transactionalMessageId'];
    if (!message.definition.whatsapp) diagnostics.push(missingSection('whatsapp', at));
    else if (message.whatsapp) {
      targets.push({
        message,
        channel: 'whatsapp',
        reference: target.whatsapp.transactionalMessageId,
        language: target.whatsapp.language ?? '',
        ...(target.whatsapp.settings ? { settings: target.whatsapp.settings } : {}),
        at,
      });
    }
  }
  return { targets, diagnostics };
}

/** A diagnostic at the place message.yaml names the target's transactional message. */
export function targetDiagnostic(
  target: ChannelTarget,
  problem: Pick<Diagnostic, 'ruleId' | 'message'> & { severity?: Diagnostic['severity']; hint?: string },
): Diagnostic {
  return {
    severity: 'error',
    ...problem,
    ...(target.location ?? { file: target.message.file, ...target.message.document.locate(target.at) }),
  };
}
