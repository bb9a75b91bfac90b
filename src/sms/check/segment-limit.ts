import type { Diagnostic } from '../../diagnostics/index.js';
import type { RenderedSms } from '../render-sms.js';
import type { Sample } from '../../workspace/index.js';
import { analyzeSms, SEGMENT_LIMITS, type SmsAnalysis } from '../segments.js';
import { applySmartEncoding } from '../smart-encoding.js';
import { sampleLabel, type SmsCheckContext } from './sms-check-context.js';

export const MAX_SEGMENTS_RULE = 'sms/max-segments';

/** `2 segments (UCS-2, 123 chars)` */
export function describeSize(analysis: SmsAnalysis): string {
  const segments = `${analysis.segments} segment${analysis.segments === 1 ? '' : 's'}`;
  return `${segments} (${analysis.encoding}, ${analysis.characters} chars)`;
}

/** Septets (GSM-7) or UTF-16 code units (UCS-2) that `maxSegments` segments hold. */
function capacity(analysis: SmsAnalysis, maxSegments: number): number {
  const limits = SEGMENT_LIMITS[analysis.encoding];
  return maxSegments === 1 ? limits.single : maxSegments * limits.concatenated;
}

/**
 * ` — 53 characters over`, in the units the encoding counts: septets when GSM-7 extension
 * characters (€, {, …) make them differ from characters, UTF-16 units when an emoji does.
 */
export function describeExcess(analysis: SmsAnalysis, maxSegments: number): string {
  const units = analysis.encoding === 'GSM-7' ? analysis.septets : analysis.codeUnits;
  const excess = units - capacity(analysis, maxSegments);
  // A split never cuts a character, so a text can need one more segment without having more units than fit.
  if (excess <= 0) return ' — characters cannot be split across segments, so it needs one more';
  const unit = units === analysis.characters ? 'character' : analysis.encoding === 'GSM-7' ? 'septet' : 'UTF-16 unit';
  return ` — ${excess} ${unit}${excess === 1 ? '' : 's'} over`;
}

/** The most useful fix: smart encoding when look-alikes alone would make it fit, else shortening. */
function fitHint(context: SmsCheckContext, rendered: RenderedSms): string {
  if (rendered.analysis.encoding === 'UCS-2' && !context.sms.definition.smartEncoding) {
    const withLookAlikes = analyzeSms(applySmartEncoding(rendered.text));
    if (withLookAlikes.segments <= context.sms.definition.maxSegments) {
      return `set sms.smartEncoding: true — with GSM-7 look-alikes it is ${describeSize(withLookAlikes)} — or replace the characters sms/encoding lists`;
    }
  }
  return `shorten the text, or raise sms.maxSegments to ${rendered.analysis.segments} (every segment is billed)`;
}

/** sms/max-segments for one sample: the rendered text must fit in `sms.maxSegments` segments. */
export function segmentLimitDiagnostic(context: SmsCheckContext, sample: Sample | undefined, rendered: RenderedSms): Diagnostic | undefined {
  const { maxSegments } = context.sms.definition;
  if (rendered.analysis.segments <= maxSegments) return undefined;
  return {
    ruleId: MAX_SEGMENTS_RULE,
    severity: 'error',
    message: `${sampleLabel(sample)}: ${describeSize(rendered.analysis)}, maxSegments is ${maxSegments}${describeExcess(rendered.analysis, maxSegments)}`,
    file: context.sms.body.file,
    line: 1,
    column: 1,
    hint: fitHint(context, rendered),
  };
}
