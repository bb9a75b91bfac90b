import type { Diagnostic } from '../diagnostics/index.js';
import { offsetAt } from '../diagnostics/index.js';
import type { MjmlCompileOutput } from './mjml-cache.js';
import type { SourceMap } from './source-map.js';
import { syntaxMjml } from './rules/syntax-mjml.js';

/** mjml reports a line only: point at the line's first non-blank character, where its tag starts. */
function firstNonBlank(text: string, line: number): number {
  let offset = offsetAt(text, { line, column: 1 });
  while (text[offset] === ' ' || text[offset] === '\t') offset++;
  return offset;
}

/** A missing or empty mj-title is advice; unknown tags, illegal attributes and wrong nesting are errors. */
function severityOf(message: string): Diagnostic['severity'] {
  return /mj-title/.test(message) ? 'warning' : 'error';
}

/** mjml's soft-validation errors (and a compile that threw) as syntax/mjml diagnostics in the file each line came from. */
export function mjmlDiagnostics(output: MjmlCompileOutput, mjml: SourceMap): Diagnostic[] {
  const diagnostics: Diagnostic[] = output.errors.map((error) => ({
    ruleId: syntaxMjml.meta.id,
    severity: severityOf(error.message),
    message: `${error.tagName}: ${error.message}`,
    ...mjml.locate(firstNonBlank(mjml.text, error.line)),
  }));
  if (output.failure !== undefined) {
    diagnostics.push({
      ruleId: syntaxMjml.meta.id,
      severity: syntaxMjml.meta.defaultSeverity,
      message: `mjml could not compile this template: ${output.failure}`,
      ...mjml.locate(0),
      hint: 'an MJML body is one <mjml> document with an <mj-body>',
    });
  }
  return diagnostics;
}
