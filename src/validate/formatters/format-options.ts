import type { Colors } from 'picocolors/types.js';
import type { Diagnostic } from '../../diagnostics/index.js';

export interface FormatOptions {
  /** Paths are shown relative to this folder. */
  cwd: string;
  colors: Colors;
}

/** A formatter is pure: diagnostics in, text out (ESLint's contract). */
export type Formatter = (diagnostics: readonly Diagnostic[], options: FormatOptions) => string;
