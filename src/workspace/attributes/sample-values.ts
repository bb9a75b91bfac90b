import type { AttributeSpec, MessageDefinition, Sample } from '../index.js';
import { declaredAttributes, namespaces, type AttributeMap } from './declarations.js';
import { hasType, isPlainObject } from './value-type.js';

/** A declared attribute (or nested field) as one sample has it. */
export interface SampleValue {
  sample: Sample;
  /** Where it is (or belongs) in the sample JSON: ['trigger', 'items', 0, 'name']. */
  path: (string | number)[];
  /** As messages name it: `trigger.items[0].name`. */
  name: string;
  spec: AttributeSpec;
  /** The key exists (its value may still be null). */
  present: boolean;
  value: unknown;
}

function collect(sample: Sample, fields: AttributeMap, container: Record<string, unknown>, path: (string | number)[], name: string, into: SampleValue[]): void {
  for (const [field, spec] of Object.entries(fields)) {
    const present = Object.hasOwn(container, field);
    const value = present ? container[field] : undefined;
    const entry: SampleValue = { sample, path: [...path, field], name: `${name}.${field}`, spec, present, value };
    into.push(entry);
    if (!spec.fields || !present || !hasType(value, spec.type)) continue;
    if (isPlainObject(value)) collect(sample, spec.fields, value, entry.path, entry.name, into);
    if (Array.isArray(value)) {
      // Each element of an array with fields is an object with those fields.
      const element: AttributeSpec = { type: 'object', required: true, fields: spec.fields };
      value.forEach((item, index) => {
        const itemEntry: SampleValue = { sample, path: [...entry.path, index], name: `${entry.name}[${index}]`, spec: element, present: true, value: item };
        into.push(itemEntry);
        if (isPlainObject(item)) collect(sample, spec.fields!, item, itemEntry.path, itemEntry.name, into);
      });
    }
  }
}

/** Every declared attribute, with nested fields and array elements, as the sample has it or lacks it. */
export function sampleValues(sample: Sample, definition: MessageDefinition): SampleValue[] {
  const values: SampleValue[] = [];
  for (const namespace of namespaces) {
    collect(sample, declaredAttributes(definition, namespace), sample.data[namespace], [namespace], namespace, values);
  }
  return values;
}
