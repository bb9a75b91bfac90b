import { SEGMENT_LIMITS, type SmsAnalysis } from '../segments.js';

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
