import type { Diagnostic, Position, Severity } from './diagnostic.js';

/** What `txkit rules` shows and what `rules:` in txkit.config.yaml refers to. */
export interface RuleMeta {
  /** `<group>/<name>`, the id diagnostics carry. */
  readonly id: string;
  /** The severity its diagnostics have unless txkit.config.yaml says otherwise. */
  readonly defaultSeverity: Severity;
  /** One line: what the rule reports. */
  readonly docs: string;
  /** Whether a future `--fix` could repair it automatically. */
  readonly fixable?: boolean;
}

/**
 * A validation rule, as ESLint has them: one module (`<layer>/rules/<group>-<name>.ts`, in the
 * layer that produces its diagnostics) owns its `meta`. A rule whose diagnostics come out of
 * other work (the loader's `syntax/yaml`, an engine's `syntax/liquid`) has only `meta`, which
 * its producer reads (`syntaxYaml.meta.id`); a rule that checks facts computed once per message
 * is a {@link CheckRule}.
 */
export interface Rule {
  readonly meta: RuleMeta;
}

/** A rule that checks the facts its provider computed once per message (or per sample). */
export interface CheckRule<Facts> extends Rule {
  check(facts: Facts): Diagnostic[];
}

/** Whether a rule runs: false when txkit.config.yaml turns it off (its work can then be skipped). */
export type IsRuleEnabled = (ruleId: string) => boolean;

/** A diagnostic of `rule` at `location`, with the rule's default severity unless `extra` gives another. */
export function ruleDiagnostic(
  rule: Rule,
  location: Position & { file: string },
  message: string,
  extra: { hint?: string; severity?: Severity } = {},
): Diagnostic {
  return { ruleId: rule.meta.id, severity: extra.severity ?? rule.meta.defaultSeverity, message, ...location, ...(extra.hint ? { hint: extra.hint } : {}) };
}
