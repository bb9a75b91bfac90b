import type { Diagnostic } from '../../diagnostics/index.js';
import type { RenderedSms } from '../render-sms.js';
import type { Sample } from '../../workspace/index.js';
import { sampleLabel, type SmsCheckContext } from './sms-check-context.js';

export const EMPTY_RULE = 'sms/empty';

/** sms/empty: a body that renders to nothing (or only whitespace) for a sample sends a blank SMS. */
export function emptyBodyDiagnostic(context: SmsCheckContext, sample: Sample, rendered: RenderedSms): Diagnostic | undefined {
  if (rendered.text.trim() !== '') return undefined;
  return {
    ruleId: EMPTY_RULE,
    severity: 'error',
    message: `${sampleLabel(sample)}: the SMS body renders empty`,
    file: context.sms.body.file,
    line: 1,
    column: 1,
    hint: 'check the conditions in the body and the attributes it prints for this sample',
  };
}
