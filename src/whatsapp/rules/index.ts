import type { CheckRule } from '../../diagnostics/index.js';
import type { WhatsappSampleFacts, WhatsappTemplateFacts } from '../check/whatsapp-check-context.js';
import { whatsappEmpty } from './whatsapp-empty.js';
import { whatsappFormatting } from './whatsapp-formatting.js';
import { whatsappMaxLength } from './whatsapp-max-length.js';
import { whatsappPhone } from './whatsapp-phone.js';

export { whatsappEmpty, whatsappFormatting, whatsappMaxLength, whatsappPhone };

/** The rules checked for each sample, in the order their diagnostics are listed. */
export const whatsappSampleRules: readonly CheckRule<WhatsappSampleFacts>[] = [whatsappEmpty, whatsappMaxLength, whatsappPhone];

/** The rules checked once per message on the templates as written. */
export const whatsappTemplateRules: readonly CheckRule<WhatsappTemplateFacts>[] = [whatsappFormatting];

/** Every WhatsApp rule, in `txkit rules` order. */
export const whatsappRules = [whatsappMaxLength, whatsappFormatting, whatsappPhone, whatsappEmpty] as const;
