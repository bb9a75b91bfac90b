/**
 * What the two SFMC exports (Liquid → AMPscript, Handlebars → SFMC's Guide Template Language)
 * report, and how a source range becomes a diagnostic in the template's file.
 */

import type { Diagnostic, Position, Severity } from '../../diagnostics/diagnostic.js';
import { positionAt } from '../../diagnostics/position.js';
import { sfmcUnsupportedConstruct } from '../rules/sfmc-unsupported-construct.js';

/** A construct with no faithful SFMC translation, as a source range. */
export interface Untranslatable {
  begin: number;
  end: number;
  message: string;
  hint: string;
}

export function untranslatable(range: { begin: number; end: number }, message: string, hint: string): Untranslatable {
  return { begin: range.begin, end: range.end, message, hint };
}

/** A position in the template's file, or in `file` when the offset lies in another one (an included partial). */
export type Locate = (offset: number) => Position & { file?: string };

/** Where an exported template lives, so diagnostics can point into its file. */
export interface ExportPlace {
  /** Absolute path of the template, copied into every diagnostic. */
  file: string;
  /**
   * Maps an offset of the template text to a position in the file; by default the text is the
   * whole file. A subject inside message.yaml passes its own (TemplateSource.locate).
   */
  locate?: Locate;
}

export function locatorFor(text: string, place: ExportPlace): Locate {
  return place.locate ?? ((offset) => positionAt(text, offset));
}

export function rangeDiagnostic(text: string, place: ExportPlace, problem: Untranslatable & { ruleId?: string; severity?: Severity }): Diagnostic {
  const locate = locatorFor(text, place);
  const start = locate(problem.begin);
  const end = locate(problem.end);
  const file = start.file ?? place.file;
  return {
    ruleId: problem.ruleId ?? sfmcUnsupportedConstruct.meta.id,
    severity: problem.severity ?? sfmcUnsupportedConstruct.meta.defaultSeverity,
    message: problem.message,
    hint: problem.hint,
    file,
    line: start.line,
    column: start.column,
    // A range that ends in another file (past the end of a partial) has no end here.
    ...((end.file ?? place.file) === file ? { endLine: end.line, endColumn: end.column } : {}),
  };
}
