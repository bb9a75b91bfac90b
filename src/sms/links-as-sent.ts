import { analyzeSms, type SmsAnalysis } from './segments.js';

/** How Customer.io rewrites each link of an SMS before sending it. */
export interface LinkRewrite {
  kind: 'shortened' | 'tracked';
  /** Characters each link takes as sent. */
  length: number;
  /** The setting that decides it, for hints: `linkShortening` (txkit.config.yaml) or `linkTracking` (message.yaml). */
  setting: string;
}

/** The SMS as Customer.io sends it: every link replaced. */
export interface SentSms {
  text: string;
  analysis: SmsAnalysis;
  /** Links found and replaced. */
  links: number;
  rewrite: LinkRewrite;
}

/**
 * A link as Customer.io finds one: it tracks only links written with their protocol, http or https
 * (https://docs.customer.io/journeys/link-tracking/), and a link ends at whitespace. Punctuation
 * closing a sentence is kept out of the link, so it is still counted.
 */
const LINK = /https?:\/\/\S+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'")\]]+$/;

/** A GSM-7 stand-in of `length` characters for a rewritten link. */
function standIn(length: number): string {
  const scheme = 'https://';
  return length > scheme.length ? scheme + 'x'.repeat(length - scheme.length) : 'x'.repeat(length);
}

/** `text` with each link replaced by a stand-in as long as the link Customer.io sends. */
export function sendLinks(text: string, rewrite: LinkRewrite): SentSms {
  let links = 0;
  const sent = text.replace(LINK, (link) => {
    links++;
    const trailing = TRAILING_PUNCTUATION.exec(link)?.[0] ?? '';
    return standIn(rewrite.length) + trailing;
  });
  return { text: sent, analysis: analyzeSms(sent), links, rewrite };
}
