import type { Diagnostic } from '../../diagnostics/index.js';
import type { AttributeFacts } from '../attributes/attribute-facts.js';
import { sampleValues } from '../../workspace/attributes/sample-values.js';
import { describeType, describeValue, hasType } from '../../workspace/attributes/value-type.js';
import type { CheckRule } from '../../diagnostics/index.js';

export const attributesType: CheckRule<AttributeFacts> = {
  meta: {
    id: 'attributes/type',
    defaultSeverity: 'error',
    docs: 'sample values have the type message.yaml declares (string, number, boolean, date, array, object)',
  },
  check({ message }) {
    return message.samples.flatMap((sample) =>
      sampleValues(sample, message.definition)
        // null is an absent value: attributes/missing-in-sample reports it when it matters.
        .filter((value) => value.present && value.value !== null && !hasType(value.value, value.spec.type))
        .map((value): Diagnostic => {
          const shown = typeof value.value === 'string' || typeof value.value === 'number' ? ` (${JSON.stringify(value.value).slice(0, 40)})` : '';
          return {
            ruleId: attributesType.meta.id,
            severity: attributesType.meta.defaultSeverity,
            message: `\`${value.name}\` is ${describeValue(value.value)}${shown} in sample "${sample.name}"; message.yaml declares ${describeType(value.spec.type)}`,
            file: sample.file,
            ...sample.document.locate(value.path),
            hint: 'fix the sample value, or the declared type',
          };
        }),
    );
  },
};
