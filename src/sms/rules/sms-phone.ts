import type { CheckRule } from '../../diagnostics/index.js';
import { sampleValues } from '../../workspace/attributes/sample-values.js';
import type { Sample } from '../../workspace/index.js';
import { checkPhoneNumber } from '../phone.js';
import { sampleLabel, type SmsCheckContext, type SmsSampleFacts } from '../check/sms-check-context.js';

/** Output or tag delimiters of Liquid and Handlebars: a `to` without them is a literal number. */
const TEMPLATE_TAG = /\{\{|\{%/;

/** Whether the number is a sample value declared `format: e164`, which attributes/format reports in the sample itself. */
function isCheckedAttribute(sample: Sample, context: SmsCheckContext, to: string): boolean {
  return sampleValues(sample, context.message.definition).some((value) => value.spec.format === 'e164' && value.present && String(value.value) === to);
}

/**
 * The recipient (`sms.to`, as written or rendered with the sample) is a strict E.164 number
 * valid for its region; a national number gets its E.164 form as a hint.
 */
export const smsPhone: CheckRule<SmsSampleFacts> = {
  meta: {
    id: 'sms/phone',
    defaultSeverity: 'error',
    docs: 'sms.to renders to a valid E.164 phone number for every sample',
  },
  check({ context, sample, rendered: { to } }) {
    const literal = !TEMPLATE_TAG.test(context.sms.to.text);
    // A templated recipient needs data to render; one that is a declared phone attribute is checked in the sample.
    if (!literal && (sample === undefined || isCheckedAttribute(sample, context, to))) return [];
    const check = checkPhoneNumber(to, context.phone);
    if (check.ok) return [];
    const prefix = literal ? '' : `${sampleLabel(sample)}: `;
    const hint =
      check.suggestion === undefined
        ? literal
          ? 'write an E.164 number: "+", the country code, then the number, such as +14155552671'
          : undefined
        : literal
          ? `write to: "${check.suggestion}"`
          : `store the number as ${check.suggestion} in the data`;
    return [
      {
        ruleId: smsPhone.meta.id,
        severity: smsPhone.meta.defaultSeverity,
        message: `${prefix}recipient (sms.to): ${check.message}`,
        file: context.message.file,
        ...context.message.document.locate(['sms', 'to']),
        ...(hint === undefined ? {} : { hint }),
      },
    ];
  },
};
