import type { CheckRule, Diagnostic } from '../../diagnostics/index.js';
import { sampleValues } from '../../workspace/attributes/sample-values.js';
import { checkPhoneNumber } from '../phone.js';
import type { SmsMessageFacts } from '../check/sms-check-context.js';

/**
 * For `format: e164`: each sample value of such an attribute (nested fields and array elements
 * included) is a strict E.164 number, reported at the value in the sample. Null and absent
 * values are left to the type and missing-attribute rules.
 */
export const attributesFormat: CheckRule<SmsMessageFacts> = {
  meta: {
    id: 'attributes/format',
    defaultSeverity: 'error',
    docs: 'sample values match the declared format (e164, email, url)',
  },
  check({ message, phone }) {
    const diagnostics: Diagnostic[] = [];
    for (const sample of message.samples) {
      for (const { spec, value, name, path } of sampleValues(sample, message.definition)) {
        if (spec.format !== 'e164' || (typeof value !== 'string' && typeof value !== 'number')) continue;
        const check = checkPhoneNumber(String(value), phone);
        if (check.ok) continue;
        const hint = check.suggestion === undefined ? undefined : `write "${check.suggestion}"${typeof value === 'number' ? ', a string' : ''}`;
        diagnostics.push({
          ruleId: attributesFormat.meta.id,
          severity: attributesFormat.meta.defaultSeverity,
          message: `${name} (format: e164): ${check.message}`,
          file: sample.file,
          ...sample.document.locate(path),
          ...(hint === undefined ? {} : { hint }),
        });
      }
    }
    return diagnostics;
  },
};
