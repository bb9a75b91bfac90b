import type { Diagnostic, Rule } from '../diagnostics/index.js';
import type { TemplateSource } from '../render/index.js';
import { sampleValues } from '../workspace/attributes/sample-values.js';
import type { Message, PathSegment, Sample } from '../workspace/index.js';
import { checkPhoneNumber, type PhoneCheckOptions } from './phone.js';

/** Output or tag delimiters of Liquid and Handlebars: a `to` without them is a literal number. */
const TEMPLATE_TAG = /\{\{|\{%/;

/** Whether the number is a sample value declared `format: e164`, which attributes/format reports in the sample itself. */
function isCheckedAttribute(sample: Sample, message: Message, to: string): boolean {
  return sampleValues(sample, message.definition).some((value) => value.spec.format === 'e164' && value.present && String(value.value) === to);
}

export interface RecipientPhone {
  rule: Rule;
  message: Message;
  /** The recipient template as written (`sms.to`, `whatsapp.to`) and where message.yaml has it. */
  template: TemplateSource;
  at: PathSegment[];
  /** The recipient rendered with the sample (or with no data). */
  rendered: string;
  sample: Sample | undefined;
  /** Says which data the rendered value came from: `sample "standard": `. */
  label: (sample: Sample | undefined) => string;
  phone: PhoneCheckOptions;
}

/**
 * The recipient of a text channel (SMS, WhatsApp), as written or rendered with the sample, is a
 * strict E.164 number valid for its region; a national number gets its E.164 form as a hint.
 */
export function recipientPhoneProblems({ rule, message, template, at, rendered, sample, label, phone }: RecipientPhone): Diagnostic[] {
  const literal = !TEMPLATE_TAG.test(template.text);
  // A templated recipient needs data to render; one that is a declared phone attribute is checked in the sample.
  if (!literal && (sample === undefined || isCheckedAttribute(sample, message, rendered))) return [];
  const check = checkPhoneNumber(rendered, phone);
  if (check.ok) return [];
  const prefix = literal ? '' : `${label(sample)}: `;
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
      ruleId: rule.meta.id,
      severity: rule.meta.defaultSeverity,
      message: `${prefix}recipient (${at.join('.')}): ${check.message}`,
      file: message.file,
      ...message.document.locate(at),
      ...(hint === undefined ? {} : { hint }),
    },
  ];
}
