import type { CheckRule } from '../../diagnostics/index.js';
import type { RenderedSms } from '../render-sms.js';
import { analyzeSms } from '../segments.js';
import { applySmartEncoding } from '../smart-encoding.js';
import { countedSize, describeSent, sentHint } from '../check/counted-size.js';
import { describeExcess, describeSize } from '../check/segment-size.js';
import { sampleLabel, type SmsCheckContext, type SmsSampleFacts } from '../check/sms-check-context.js';
import { rendersEmpty } from './sms-empty.js';

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

/**
 * The rendered text must fit in `sms.maxSegments` segments, for each sample, counted as sent
 * (../check/counted-size.ts: links as Customer.io rewrites them). The worst case of
 * the attributes' maxLength is checked once per message (../check/worst-case.ts).
 */
export const smsMaxSegments: CheckRule<SmsSampleFacts> = {
  meta: {
    id: 'sms/max-segments',
    defaultSeverity: 'error',
    docs: 'the SMS fits in sms.maxSegments segments for every sample and in the worst case, counted as Customer.io sends its links',
  },
  check(facts) {
    const { context, sample, rendered } = facts;
    const { maxSegments } = context.sms.definition;
    if (!rendered.bodyRendered || rendersEmpty(facts)) return [];
    const { analysis, sent } = countedSize(context, rendered.text, rendered.analysis);
    if (analysis.segments <= maxSegments) return [];
    return [
      {
        ruleId: smsMaxSegments.meta.id,
        severity: smsMaxSegments.meta.defaultSeverity,
        message: `${sampleLabel(sample)}${sent ? `, ${describeSent(sent)}` : ''}: ${describeSize(analysis)}, maxSegments is ${maxSegments}${describeExcess(analysis, maxSegments)}`,
        file: context.sms.body.file,
        line: 1,
        column: 1,
        hint: sent ? sentHint(sent, analysis.segments) : fitHint(context, rendered),
      },
    ];
  },
};
