import { defaultCustomerioSms, type Message, type ResolvedConfig } from '../workspace/index.js';
import type { LinkRewrite } from './links-as-sent.js';

const shorteningSetting = 'targets.customerio.sms.linkShortening in txkit.config.yaml';
const trackingSetting = 'targets.customerio.sms.settings.linkTracking in message.yaml';

/**
 * How Customer.io sends the links of a message's SMS; undefined when the message has no
 * Customer.io SMS target or Customer.io leaves its links as written. The workspace shortens links
 * when link shortening is on, tracked or not (https://docs.customer.io/journeys/sms-link-shortening/);
 * otherwise a tracked link, on unless the message (or the project default) turns it off
 * (/work/shared/reference/customerio-transactional-sms.md: "By default, we'll track clicks on links"),
 * is the longer tracked URL.
 */
export function customerioLinkRewrite(message: Message, config: ResolvedConfig): LinkRewrite | undefined {
  const target = message.definition.targets.customerio?.sms;
  if (!target) return undefined;
  const workspace = config.targets.customerio?.sms ?? defaultCustomerioSms();
  if (workspace.linkShortening) return { kind: 'shortened', length: workspace.shortLinkLength, setting: shorteningSetting };
  if (target.settings?.linkTracking ?? workspace.linkTracking ?? true)
    return { kind: 'tracked', length: workspace.trackedLinkLength, setting: trackingSetting };
  return undefined;
}
