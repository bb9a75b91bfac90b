import { sendLinks, type SentSms } from '../links-as-sent.js';
import type { SmsAnalysis } from '../segments.js';
import type { SmsCheckContext } from './sms-check-context.js';

/** The size sms/max-segments holds against sms.maxSegments; `sent` when it is the size as Customer.io sends it. */
export interface CountedSize {
  analysis: SmsAnalysis;
  sent?: SentSms;
}

/**
 * The size of a rendered SMS that is billed: as Customer.io sends it when it rewrites the links,
 * else as written. A message also published to SFMC is sent as written there, so the larger counts.
 */
export function countedSize(context: SmsCheckContext, text: string, written: SmsAnalysis): CountedSize {
  if (!context.links) return { analysis: written };
  const sent = sendLinks(text, context.links);
  if (sent.links === 0) return { analysis: written };
  const alsoAsWritten = context.message.definition.targets.sfmc?.sms !== undefined;
  if (alsoAsWritten && written.segments >= sent.analysis.segments) return { analysis: written };
  return { analysis: sent.analysis, sent };
}

/** `as Customer.io sends it (2 links tracked at 160 characters)` */
export function describeSent(sent: SentSms): string {
  const links = `${sent.links} link${sent.links === 1 ? '' : 's'}`;
  return `as Customer.io sends it (${links} ${sent.rewrite.kind === 'shortened' ? 'shortened to' : 'tracked at'} ${sent.rewrite.length} characters)`;
}

/** What to change when the links as sent make the SMS too long. */
export function sentHint(sent: SentSms, segments: number): string {
  const raise = `or raise sms.maxSegments to ${segments}`;
  if (sent.rewrite.kind === 'tracked') {
    return `Customer.io replaces each link with a longer tracked one (${sent.rewrite.setting}, on by default): set linkTracking: false, turn link shortening on (targets.customerio.sms.linkShortening in txkit.config.yaml), shorten the text, ${raise}`;
  }
  return `Customer.io sends each link as a short link (${sent.rewrite.setting}; shortLinkLength there for a custom domain): shorten the text, ${raise}`;
}
