import type { Position } from '../diagnostics/index.js';
import { positionAt } from '../diagnostics/index.js';

/** Where an offset of a template lies: a position in the template's file, or in `file` when it lies in another one. */
export interface SourceLocation extends Position {
  file?: string;
}

/**
 * A template's text plus where it lives. Templates come from files (`sms.txt`) or from strings
 * inside `message.yaml` (the subject), so each source knows how to turn an offset in its text
 * into a position in its file. A compiled MJML email is one text assembled from several files
 * (the .mjml body and its mj-include partials), so its `locate` may name the file too.
 */
export interface TemplateSource {
  file: string;
  text: string;
  locate: (offset: number) => SourceLocation;
}

export function fileTemplateSource(file: string, text: string): TemplateSource {
  return { file, text, locate: (offset) => positionAt(text, offset) };
}
