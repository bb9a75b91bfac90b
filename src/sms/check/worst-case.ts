import type { Diagnostic } from '../../diagnostics/index.js';
import { renderSmsWithContext, type RenderedSms } from '../render-sms.js';
import { attributeReferences, type AttributeReference } from '../../render/attribute-references.js';
import type { RenderContext } from '../../render/index.js';
import { sampleValues, type SampleValue } from '../../workspace/attributes/sample-values.js';
import type { Sample } from '../../workspace/index.js';
import { isGsm7Text } from '../gsm7.js';
import { applySmartEncoding } from '../smart-encoding.js';
import { smsMaxSegments } from '../rules/sms-max-segments.js';
import { countedSize, describeSent, sentHint, type CountedSize } from './counted-size.js';
import { describeExcess, describeSize } from './segment-size.js';
import { sampleLabel, type SmsCheckContext } from './sms-check-context.js';

/**
 * Worst-case values. GSM-7 text at its longest costs 1 septet a character (names and ids do
 * not contain €, {, or the other 2-septet characters). An attribute that some sample shows
 * holding text GSM-7 cannot carry (a Cyrillic name) is filled with such text instead: it
 * switches the whole SMS to UCS-2, and that is the longer case, since a UCS-2 segment holds
 * less than half of a GSM-7 one. Numbers get all 9s, as long as a double can print exactly.
 * A `format: url` attribute gets an https:// URL of its maxLength, so it stays a link that
 * Customer.io rewrites (counted-size.ts).
 */
const GSM7_FILLER = 'x';
const UCS2_FILLER = 'Ж';
const LONGEST_EXACT_INTEGER_DIGITS = 15;
const URL_SCHEME = 'https://';

/** An attribute the SMS reads that message.yaml gives a maxLength, as one sample has it. */
interface BoundedAttribute {
  value: SampleValue & { spec: { maxLength: number } };
  /** `trigger.items[].name`: the declaration, the same for every element of an array. */
  declared: string;
  /** First place the SMS body reads it. */
  reference: AttributeReference;
}

interface WorstCase {
  sample: Sample;
  rendered: RenderedSms;
  attributes: BoundedAttribute[];
}

/** `trigger.items[0].name` → `trigger.items[].name` */
function declaredName(name: string): string {
  return name.replace(/\[\d+\]/g, '[]');
}

/** Whether one path is the start of the other: `{% for item in trigger.items %}` reads every item's fields. */
function overlaps(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) if (String(a[index]) !== String(b[index])) return false;
  return true;
}

function boundedAttributes(sample: Sample, context: SmsCheckContext, references: AttributeReference[]): BoundedAttribute[] {
  const bounded: BoundedAttribute[] = [];
  for (const value of sampleValues(sample, context.message.definition)) {
    const { maxLength, type } = value.spec;
    if (maxLength === undefined || (type !== 'string' && type !== 'number')) continue;
    const reference = references.find((candidate) => overlaps(candidate.path, value.path));
    if (reference) bounded.push({ value: value as BoundedAttribute['value'], declared: declaredName(value.name), reference });
  }
  return bounded;
}

/** The first sample holding text GSM-7 cannot carry (after smart encoding, when on) in each declared attribute. */
function ucs2Evidence(context: SmsCheckContext): Map<string, Sample> {
  const needsUcs2 = (text: string) => !isGsm7Text(context.sms.definition.smartEncoding ? applySmartEncoding(text) : text);
  const evidence = new Map<string, Sample>();
  for (const sample of context.message.samples) {
    for (const value of sampleValues(sample, context.message.definition)) {
      const declared = declaredName(value.name);
      if (typeof value.value === 'string' && needsUcs2(value.value) && !evidence.has(declared)) evidence.set(declared, sample);
    }
  }
  return evidence;
}

function fillerFor(attribute: BoundedAttribute, evidence: Map<string, Sample>): string | number {
  const { maxLength } = attribute.value.spec;
  if (attribute.value.spec.type === 'number') return Number('9'.repeat(Math.min(maxLength, LONGEST_EXACT_INTEGER_DIGITS)));
  // A URL at its longest is still a link, which Customer.io rewrites (links-as-sent.ts).
  if (attribute.value.spec.format === 'url' && maxLength > URL_SCHEME.length) return URL_SCHEME + GSM7_FILLER.repeat(maxLength - URL_SCHEME.length);
  return (evidence.has(attribute.declared) ? UCS2_FILLER : GSM7_FILLER).repeat(maxLength);
}

/** The sample's data with each bounded attribute at its maxLength (absent optional ones included). */
function worstCaseData(sample: Sample, attributes: BoundedAttribute[], evidence: Map<string, Sample>): RenderContext {
  const data = structuredClone(sample.data);
  for (const attribute of attributes) {
    const path = attribute.value.path;
    let container = data as unknown as Record<string | number, unknown>;
    for (const segment of path.slice(0, -1)) container = container[segment] as Record<string | number, unknown>;
    container[path[path.length - 1]!] = fillerFor(attribute, evidence);
  }
  return data;
}

function worstCaseOf(sample: Sample, context: SmsCheckContext, references: AttributeReference[], evidence: Map<string, Sample>): WorstCase | undefined {
  const attributes = boundedAttributes(sample, context, references);
  if (attributes.length === 0) return undefined;
  const rendered = renderSmsWithContext(context.message, worstCaseData(sample, attributes, evidence), { engines: context.engines, strict: false });
  return rendered?.bodyRendered ? { sample, rendered, attributes } : undefined;
}

/** `customer.first_name at its maxLength 20 (non-GSM-7 text, as in sample "x"), trigger.order_id at 10 and trigger.eta at 12` */
function describeAttributes(attributes: BoundedAttribute[], evidence: Map<string, Sample>): string {
  const declared = new Map(attributes.map((attribute) => [attribute.declared, attribute.value.spec.maxLength]));
  const phrases = [...declared].map(([name, maxLength], index) => {
    const sample = evidence.get(name);
    const text = sample === undefined ? '' : ` (non-GSM-7 text, as in ${sampleLabel(sample)})`;
    return `${name} at ${index === 0 ? 'its maxLength ' : ''}${maxLength}${text}`;
  });
  return phrases.length === 1 ? phrases[0]! : `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
}

/** The attribute whose maxLength adds the most to the sample: where the diagnostic points. */
function biggestGrowth(attributes: BoundedAttribute[]): BoundedAttribute {
  const growth = (attribute: BoundedAttribute) => attribute.value.spec.maxLength - String(attribute.value.value ?? '').length;
  return attributes.reduce((best, attribute) => (growth(attribute) > growth(best) ? attribute : best));
}

/**
 * sms/max-segments in the worst case: every attribute the SMS reads that declares a maxLength
 * at that length, the others as in each sample; reported once, for the sample whose worst case
 * needs the most segments. A sample alone cannot show that a 20-character name turns one
 * segment into two.
 */
export function worstCaseDiagnostic(context: SmsCheckContext): Diagnostic | undefined {
  const { sms, message } = context;
  const references = attributeReferences(sms.body, message.definition.engine, context.engines);
  if (references.length === 0) return undefined;
  const evidence = ucs2Evidence(context);
  let worst: (WorstCase & { size: CountedSize }) | undefined;
  for (const sample of message.samples) {
    const candidate = worstCaseOf(sample, context, references, evidence);
    const size = candidate && countedSize(context, candidate.rendered.text, candidate.rendered.analysis);
    if (candidate && size && (!worst || size.analysis.segments > worst.size.analysis.segments)) worst = { ...candidate, size };
  }
  const { maxSegments } = sms.definition;
  if (!worst || worst.size.analysis.segments <= maxSegments) return undefined;
  const { analysis, sent } = worst.size;
  const position = sms.body.locate(biggestGrowth(worst.attributes).reference.offset);
  return {
    ruleId: smsMaxSegments.meta.id,
    severity: smsMaxSegments.meta.defaultSeverity,
    message: `worst case with ${describeAttributes(worst.attributes, evidence)}, other attributes as in ${sampleLabel(worst.sample)}${sent ? `, ${describeSent(sent)}` : ''}: ${describeSize(analysis)}, maxSegments is ${maxSegments}${describeExcess(analysis, maxSegments)}`,
    file: sms.body.file,
    ...position,
    hint: sent
      ? sentHint(sent, analysis.segments)
      : `shorten the text, lower maxLength where the data allows (or cap the value in the template), or raise sms.maxSegments to ${analysis.segments}`,
  };
}
