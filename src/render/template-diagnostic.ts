import type { Diagnostic, Severity } from '../diagnostics/index.js';
import type { TemplateSource } from './template-source.js';

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
    file: source.file,
    line: start.line,
    column: start.column,
  };
  if (problem.length !== undefined && problem.length > 0) {
    const end = source.locate(problem.offset + problem.length);
    diagnostic.endLine = end.line;
    diagnostic.endColumn = end.column;
  }
  if (problem.hint !== undefined) diagnostic.hint = problem.hint;
  return diagnostic;
}

/** Output larger than the limit is a diagnostic rather than something to ship or display. */
export function outputTooLarge(source: TemplateSource, length: number, max: number): Diagnostic {
  return templateDiagnostic(source, {
    ruleId: 'render/limit',
    offset: 0,
    message: `rendered output is ${length} characters, over the ${max}-character limit`,
    hint: 'check loops over large attributes; the output was discarded',
  });
}
