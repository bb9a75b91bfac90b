import type { Diagnostic, Severity } from '../../diagnostics/index.js';
import type { EmailMessage } from '../render-email.js';
import type { Sample } from '../../workspace/index.js';
import type { CompiledEmail } from '../compile-email.js';
import type { HtmlDocument, HtmlElement } from '../html-elements.js';
import type { FileLocation } from '../source-map.js';

/** A link of the compiled HTML whose href is personalized, as one sample rendered it. */
export interface RenderedLink {
  /** The `<a>` of the compiled HTML. */
  element: HtmlElement;
  /** Its href after personalization. */
  href: string;
}

export interface SampleOutput {
  sample: Sample;
  /** The personalized HTML, as sent. */
  html: string;
  /** Every rendering of every personalized link (a link in a loop renders once per item). */
  links: RenderedLink[];
}

export interface EmailCheckInput {
  message: EmailMessage;
  compiled: CompiledEmail;
  /** The compiled HTML, parsed. */
  page: HtmlDocument;
  /** The MJML as compiled (partials inlined), parsed; absent for HTML bodies. */
  markup?: HtmlDocument;
  /** Where an element of the compiled HTML comes from in the source files. */
  locateElement(element: HtmlElement): FileLocation;
  /** Where an offset of `markup` comes from. */
  locateMarkup(offset: number): FileLocation;
  /** One entry per sample (none when the message has no samples). */
  samples: SampleOutput[];
}

/** One email check: its rule id, default severity and what it is for, plus the check. */
export interface EmailRule {
  id: string;
  severity: Severity;
  docs: string;
  check(input: EmailCheckInput): Diagnostic[];
}

/** A diagnostic of `rule` at `location`. */
export function ruleDiagnostic(rule: Pick<EmailRule, 'id' | 'severity'>, location: FileLocation, message: string, extra: { hint?: string; severity?: Severity } = {}): Diagnostic {
  return { ruleId: rule.id, severity: extra.severity ?? rule.severity, message, ...location, ...(extra.hint ? { hint: extra.hint } : {}) };
}
