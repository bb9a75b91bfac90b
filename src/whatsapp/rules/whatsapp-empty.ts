import type { CheckRule } from '../../diagnostics/index.js';
import { sampleLabel } from '../../sms/check/sms-check-context.js';
import type { WhatsappSampleFacts } from '../check/whatsapp-check-context.js';

/** A body that renders to nothing for a sample: WhatsApp requires a template body. Without a sample, emptiness says nothing about real data. */
export const whatsappEmpty: CheckRule<WhatsappSampleFacts> = {
  meta: {
    id: 'whatsapp/empty',
    defaultSeverity: 'error',
    docs: 'the WhatsApp body renders to non-empty text for every sample',
  },
  check({ sample, rendered, context }) {
    if (sample === undefined || !rendered.bodyRendered || rendered.body.trim() !== '') return [];
    return [
      {
        ruleId: whatsappEmpty.meta.id,
        severity: whatsappEmpty.meta.defaultSeverity,
        message: `${sampleLabel(sample)}: the WhatsApp body renders empty`,
        file: context.whatsapp.body.file,
        line: 1,
        column: 1,
        hint: 'check the conditions in the body and the attributes it prints for this sample',
      },
    ];
  },
};
