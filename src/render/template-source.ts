import type { Position } from '../diagnostics/index.js';
import { positionAt } from '../diagnostics/index.js';

/**
 * A template's text plus where it lives. Templates come from files (`sms.txt`) or from strings
 * inside `message.yaml` (the subject), so each source knows how to turn an offset in its text
 * into a position in its file.
 */
export interface TemplateSource {
  file: string;
  text: string;
  locate(offset: number): Position;
}

export function fileTemplateSource(file: string, text: string): TemplateSource {
  return { file, text, locate: (offset) => positionAt(text, offset) };
}
