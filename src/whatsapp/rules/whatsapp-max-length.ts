import type { CheckRule, Diagnostic } from '../../diagnostics/index.js';
import type { TemplateSource } from '../../render/index.js';
import { sampleLabel } from '../../sms/check/sms-check-context.js';
import type { PathSegment } from '../../workspace/index.js';
import type { WhatsappSampleFacts } from '../check/whatsapp-check-context.js';
import { whatsappLength, whatsappLimits } from '../limits.js';

interface MeasuredPart {
  name: string;
  text: string;
  limit: number;
  /** Where the part is written: a path in message.yaml, or the body file. */
  at: PathSegment[] | TemplateSource;
}

/**
 * Each part of the rendered message fits WhatsApp's template limits (src/whatsapp/limits.ts):
 * body 1024, header 60, footer 60, button label 25, button link 2000 characters. Measured on
 * the text as sent for each sample, so long attribute values count.
 */
export const whatsappMaxLength: CheckRule<WhatsappSampleFacts> = {
  meta: {
    id: 'whatsapp/max-length',
    defaultSeverity: 'error',
    docs: "each part of the WhatsApp message fits WhatsApp's template limits (body 1024, header and footer 60, button label 25 characters)",
  },
  check({ context, sample, rendered }) {
    const { message, whatsapp } = context;
    const parts: MeasuredPart[] = [
      ...(rendered.bodyRendered ? [{ name: 'the body', text: rendered.body, limit: whatsappLimits.body, at: whatsapp.body }] : []),
      ...(rendered.header === undefined ? [] : [{ name: 'the header', text: rendered.header, limit: whatsappLimits.header, at: ['whatsapp', 'header'] }]),
      ...(rendered.footer === undefined ? [] : [{ name: 'the footer', text: rendered.footer, limit: whatsappLimits.footer, at: ['whatsapp', 'footer'] }]),
      ...rendered.buttons.flatMap((button, index): MeasuredPart[] => [
        { name: `button ${index + 1}'s label`, text: button.text, limit: whatsappLimits.buttonText, at: ['whatsapp', 'buttons', index, 'text'] },
        ...(button.url === undefined
          ? []
          : [{ name: `button ${index + 1}'s link`, text: button.url, limit: whatsappLimits.buttonUrl, at: ['whatsapp', 'buttons', index, 'url'] }]),
      ]),
    ];
    return parts.flatMap((part): Diagnostic[] => {
      const length = whatsappLength(part.text);
      if (length <= part.limit) return [];
      const location = Array.isArray(part.at) ? { file: message.file, ...message.document.locate(part.at) } : { file: part.at.file, line: 1, column: 1 };
      return [
        {
          ruleId: whatsappMaxLength.meta.id,
          severity: whatsappMaxLength.meta.defaultSeverity,
          message: `${sampleLabel(sample)}: ${part.name} is ${length} characters, over WhatsApp's ${part.limit}`,
          ...location,
          hint: `shorten it by ${length - part.limit} character${length - part.limit === 1 ? '' : 's'}, or the attributes it prints`,
        },
      ];
    });
  },
};
