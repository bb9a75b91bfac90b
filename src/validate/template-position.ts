import { offsetAt, type Diagnostic, type Position } from '../diagnostics/index.js';
import type { SourceLocation, TemplateSource } from '../render/index.js';

/**
 * A line/column counted in a template's own text, as a position in the file that holds it:
 * the same for a body file, shifted for a subject written inside message.yaml, in another
 * file for the part of an MJML body that came from a partial.
 */
export function filePosition(source: TemplateSource, position: Position): SourceLocation {
  return source.locate(offsetAt(source.text, position));
}

/** A diagnostic a checker computed against a template's text, moved to the template's file. */
export function relocateDiagnostic(source: TemplateSource, diagnostic: Diagnostic): Diagnostic {
  const { file = source.file, line, column } = filePosition(source, diagnostic);
  const { endLine, endColumn, ...rest } = diagnostic;
  const relocated: Diagnostic = { ...rest, file, line, column };
  if (endLine !== undefined && endColumn !== undefined) {
    const end = filePosition(source, { line: endLine, column: endColumn });
    // A range that runs into another file (out of a partial) keeps only its start.
    if ((end.file ?? source.file) === file) Object.assign(relocated, { endLine: end.line, endColumn: end.column });
  }
  return relocated;
}
