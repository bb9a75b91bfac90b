import type { Diagnostic } from '../../diagnostics/index.js';
import type { AttributeFacts } from '../attributes/attribute-facts.js';
import { sampleValues } from '../../workspace/attributes/sample-values.js';
import type { CheckRule } from '../../diagnostics/index.js';

export const attributesMissingInSample: CheckRule<AttributeFacts> = {
  meta: {
    id: 'attributes/missing-in-sample',
    defaultSeverity: 'error',
    docs: 'every sample has every required attribute (and required field), not null',
  },
  check({ message }) {
    return message.samples.flatMap((sample) =>
      sampleValues(sample, message.definition)
        .filter((value) => value.spec.required && (!value.present || value.value === null))
        .map((value): Diagnostic => {
          const key = String(value.path.at(-1));
          // An absent key has no position of its own: point at the object that should hold it.
          const position = value.present ? sample.document.locate(value.path) : sample.document.locate(value.path.slice(0, -1), 'key');
          return {
            ruleId: attributesMissingInSample.meta.id,
            severity: attributesMissingInSample.meta.defaultSeverity,
            message: `required attribute \`${value.name}\` is ${value.present ? 'null' : 'missing'} in sample "${sample.name}"`,
            file: sample.file,
            ...position,
            hint: `give "${key}" a value in this sample, or declare it with required: false in message.yaml`,
          };
        }),
    );
  },
};
