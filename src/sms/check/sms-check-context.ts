import type { Engines } from '../../render/index.js';
import type { RenderedSms } from '../render-sms.js';
import type { Message, Sample, SmsTemplates } from '../../workspace/index.js';
import type { LinkRewrite } from '../links-as-sent.js';
import type { PhoneCheckOptions } from '../phone.js';

/** What every SMS check of one message needs, resolved once by checkSmsMessage. */
export interface SmsCheckContext {
  message: Message;
  sms: SmsTemplates;
  engines: Engines;
  /** `defaultRegion` from txkit.config.yaml, for suggesting the E.164 form of national numbers. */
  phone: PhoneCheckOptions;
  /** How Customer.io rewrites the SMS's links when it publishes there (links-as-sent.ts). */
  links?: LinkRewrite;
}

/** What the per-sample SMS rules check: the SMS rendered once for one sample (undefined: no data). */
export interface SmsSampleFacts {
  context: SmsCheckContext;
  sample: Sample | undefined;
  rendered: RenderedSms;
}

/** What the message-level SMS rules check, whatever the message's channels. */
export interface SmsMessageFacts {
  message: Message;
  phone: PhoneCheckOptions;
}

/** How messages name the data a render used: `sample "standard"`. */
export function sampleLabel(sample: Sample | undefined): string {
  return sample === undefined ? 'with no sample data' : `sample "${sample.name}"`;
}
