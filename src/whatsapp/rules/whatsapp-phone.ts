import type { CheckRule, Diagnostic } from '../../diagnostics/index.js';
import { sampleLabel } from '../../sms/check/sms-check-context.js';
import { checkPhoneNumber } from '../../sms/index.js';
import { recipientPhoneProblems } from '../../sms/recipient-phone.js';
import type { WhatsappSampleFacts } from '../check/whatsapp-check-context.js';

/**
 * `whatsapp.to` renders to a strict E.164 number (Customer.io: "Use E.164 format, like
 * +15551234567, or Liquid", https://docs.customer.io/integrations/api/app/tag/send-messages/sendWhatsApp/),
 * checked as sms/phone checks `sms.to`; a phone button's number is E.164 too.
 */
export const whatsappPhone: CheckRule<WhatsappSampleFacts> = {
  meta: {
    id: 'whatsapp/phone',
    defaultSeverity: 'error',
    docs: 'whatsapp.to renders to a valid E.164 phone number for every sample; phone buttons call an E.164 number',
  },
  check({ context, sample, rendered }) {
    const { message, whatsapp, phone } = context;
    const recipient = recipientPhoneProblems({
      rule: whatsappPhone,
      message,
      template: whatsapp.to,
      at: ['whatsapp', 'to'],
      rendered: rendered.to,
      sample,
      label: sampleLabel,
      phone,
    });
    const buttons = (whatsapp.definition.buttons ?? []).flatMap((button, index): Diagnostic[] => {
      if (button.phone === undefined) return [];
      const check = checkPhoneNumber(button.phone, phone);
      if (check.ok) return [];
      return [
        {
          ruleId: whatsappPhone.meta.id,
          severity: whatsappPhone.meta.defaultSeverity,
          message: `phone button "${button.text}": ${check.message}`,
          file: message.file,
          ...message.document.locate(['whatsapp', 'buttons', index, 'phone']),
          hint: check.suggestion === undefined ? 'write an E.164 number, such as +14155552671' : `write phone: "${check.suggestion}"`,
        },
      ];
    });
    return [...recipient, ...buttons];
  },
};
