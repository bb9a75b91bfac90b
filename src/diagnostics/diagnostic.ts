/** How serious a problem is; `off` only appears in rule configuration, never on a diagnostic. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * The one shape every problem in user input takes: loaders, engines, rules and platform
 * clients produce it; the CLI formatters, the preview and the sync reports consume it.
 * `line` and `column` are 1-based; `file` is an absolute path (formatters shorten it).
 */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** How to fix it, when there is something concrete to say. */
  hint?: string;
}

/** A file position: 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}
