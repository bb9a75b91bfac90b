import type { Diagnostic } from '../diagnostics/index.js';
import type { RuleSeverity } from '../workspace/index.js';
import type { RuleMeta } from './rule.js';

/** Severity per rule id, as txkit.config.yaml sets it (`rules:`), for known rules only. */
export type RuleSeverities = ReadonlyMap<string, RuleSeverity>;

export function configuredSeverities(configured: Readonly<Record<string, RuleSeverity>>, rules: readonly RuleMeta[]): RuleSeverities {
  const known = new Set(rules.map((rule) => rule.id));
  return new Map(Object.entries(configured).filter(([id]) => known.has(id)));
}

export function effectiveSeverity(rule: RuleMeta, severities: RuleSeverities): RuleSeverity {
  return severities.get(rule.id) ?? rule.defaultSeverity;
}

/**
 * Applies txkit.config.yaml to produced diagnostics: a configured severity replaces the one
 * the producer chose, `off` drops the diagnostic; unconfigured rules keep theirs.
 */
export function applySeverities(diagnostics: readonly Diagnostic[], severities: RuleSeverities): Diagnostic[] {
  return diagnostics.flatMap((diagnostic) => {
    const severity = severities.get(diagnostic.ruleId);
    if (severity === undefined) return [diagnostic];
    return severity === 'off' ? [] : [{ ...diagnostic, severity }];
  });
}
