import { offsetAt, type Diagnostic, type Position } from '../diagnostics/index.js';
import type { TemplateSource } from '../render/index.js';

/**
 * A line/column counted in a template's own text, as a position in the file that holds it:
 * the same for a body file, shifted for a subject written inside message.yaml.
 */
export function filePosition(source: TemplateSource, position: Position): Position {
  return source.locate(offsetAt(source.text, position));
}

/** A diagnostic a checker computed against a template's text, moved to the template's file. */
export function relocateDiagnostic(source: TemplateSource, diagnostic: Diagnostic): Diagnostic {
  const start = filePosition(source, diagnostic);
  const relocated: Diagnostic = { ...diagnostic, file: source.file, line: start.line, column: start.column };
  if (diagnostic.endLine !== undefined && diagnostic.endColumn !== undefined) {
    const end = filePosition(source, { line: diagnostic.endLine, column: diagnostic.endColumn });
    relocated.endLine = end.line;
    relocated.endColumn = end.column;
  }
  return relocated;
}
