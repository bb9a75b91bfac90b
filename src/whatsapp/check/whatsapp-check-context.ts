import type { Engines } from '../../render/index.js';
import type { PhoneCheckOptions } from '../../sms/index.js';
import type { Message, Sample, WhatsappTemplates } from '../../workspace/index.js';
import type { RenderedWhatsapp } from '../render-whatsapp.js';

/** What every WhatsApp check of one message needs, resolved once by checkWhatsappMessage. */
export interface WhatsappCheckContext {
  message: Message;
  whatsapp: WhatsappTemplates;
  engines: Engines;
  /** `defaultRegion` from txkit.config.yaml, for suggesting the E.164 form of national numbers. */
  phone: PhoneCheckOptions;
}

/** What the per-sample WhatsApp rules check: the message rendered once for one sample (undefined: no data). */
export interface WhatsappSampleFacts {
  context: WhatsappCheckContext;
  sample: Sample | undefined;
  rendered: RenderedWhatsapp;
}

/** What the rules that read the templates themselves check, once per message. */
export interface WhatsappTemplateFacts {
  context: WhatsappCheckContext;
}
