import type { CheckRule } from '../../diagnostics/index.js';
import { sampleLabel, type SmsSampleFacts } from '../check/sms-check-context.js';

/** A body that renders to nothing (or only whitespace) for a sample; without a sample, emptiness says nothing about real data. */
export function rendersEmpty({ sample, rendered }: SmsSampleFacts): boolean {
  return sample !== undefined && rendered.bodyRendered && rendered.text.trim() === '';
}

/** A body that renders to nothing (or only whitespace) for a sample sends a blank SMS. */
export const smsEmpty: CheckRule<SmsSampleFacts> = {
  meta: {
    id: 'sms/empty',
    defaultSeverity: 'error',
    docs: 'the SMS renders to non-empty text for every sample',
  },
  check(facts) {
    if (!rendersEmpty(facts)) return [];
    return [
      {
        ruleId: smsEmpty.meta.id,
        severity: smsEmpty.meta.defaultSeverity,
        message: `${sampleLabel(facts.sample)}: the SMS body renders empty`,
        file: facts.context.sms.body.file,
        line: 1,
        column: 1,
        hint: 'check the conditions in the body and the attributes it prints for this sample',
      },
    ];
  },
};
