import type { Diagnostic, Severity } from '../diagnostics/index.js';
import type { TemplateSource } from '../workspace/template-source.js';
import { renderLimit } from './rules/render-limit.js';

export interface TemplateProblem {
  ruleId: string;
  message: string;
  offset: number;
  length?: number;
  severity?: Severity;
  hint?: string;
}

/** A problem at an offset of a template, placed in the template's file. */
export function templateDiagnostic(source: TemplateSource, problem: TemplateProblem): Diagnostic {
  const start = source.locate(problem.offset);
  const diagnostic: Diagnostic = {
    ruleId: problem.ruleId,
    severity: problem.severity ?? 'error',
    message: problem.message,
    file: start.file ?? source.file,
    line: start.line,
    column: start.column,
  };
  if (problem.length !== undefined && problem.length > 0) {
    const end = source.locate(problem.offset + problem.length);
    // A range that crosses into another file (the end of an included partial) has no end here.
    if ((end.file ?? source.file) === diagnostic.file) {
      diagnostic.endLine = end.line;
      diagnostic.endColumn = end.column;
    }
  }
  if (problem.hint !== undefined) diagnostic.hint = problem.hint;
  return diagnostic;
}

/** A template over the size limit is refused before parsing. */
export function templateTooLarge(source: TemplateSource, max: number): Diagnostic {
  return templateDiagnostic(source, {
    ruleId: renderLimit.meta.id,
    offset: 0,
    message: `template is ${source.text.length} characters, over the ${max}-character limit`,
  });
}

/** Output larger than the limit is a diagnostic rather than something to ship or display. */
export function outputTooLarge(source: TemplateSource, length: number | undefined, max: number): Diagnostic {
  return templateDiagnostic(source, {
    ruleId: renderLimit.meta.id,
    offset: 0,
    message:
      length === undefined ? `rendered output is over the ${max}-character limit` : `rendered output is ${length} characters, over the ${max}-character limit`,
    hint: 'check loops over large attributes; the output was discarded',
  });
}

/** V8 refuses to build a string past ~2^29 characters; output that long is over any output limit. */
export function isStringLengthError(error: unknown): boolean {
  return error instanceof RangeError && error.message === 'Invalid string length';
}
