import type { Drift } from '../plan.js';
import type { ChannelTarget, CustomerioMessageSettings } from './channel-targets.js';
import type { TransactionalMessage } from './customerio-api.js';

/** message.yaml setting → the transactional message field it describes. */
const settingFields = {
  sendToUnsubscribed: 'send_to_unsubscribed',
  linkTracking: 'link_tracking',
  openTracking: 'open_tracking',
  queueDrafts: 'queue_drafts',
  triggerName: 'trigger_name',
} as const satisfies Record<keyof CustomerioMessageSettings, keyof TransactionalMessage>;

/**
 * The settings message.yaml expects that the message has otherwise. The App API cannot write
 * them, so they are reported for someone to change in Customer.io's UI; unset ones are not compared.
 */
export function settingsDrift(target: ChannelTarget, remote: TransactionalMessage): Drift[] {
  const drift: Drift[] = [];
  for (const [setting, field] of Object.entries(settingFields) as [keyof CustomerioMessageSettings, keyof TransactionalMessage][]) {
    const expected = target.settings?.[setting];
    if (expected === undefined) continue;
    // A field the read leaves out is not drift: the documented answers carry no trigger_name.
    if (!Object.hasOwn(remote, field)) continue;
    const actual = remote[field];
    if (actual !== expected) {
      drift.push({ platform: 'customerio', messageId: target.message.id, kind: 'transactional-message', key: String(remote.id), field, expected, actual });
    }
  }
  return drift;
}

/** The message's current settings in message.yaml's terms (what `pull` records). */
export function settingsOf(remote: TransactionalMessage): CustomerioMessageSettings {
  const settings: Record<string, unknown> = {};
  for (const [setting, field] of Object.entries(settingFields)) {
    const value = remote[field];
    if (typeof value === 'boolean' || (typeof value === 'string' && value !== '')) settings[setting] = value;
  }
  return settings;
}
