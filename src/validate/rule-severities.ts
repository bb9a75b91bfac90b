import type { Diagnostic, IsRuleEnabled, RuleMeta } from '../diagnostics/index.js';
import type { RuleSeverity } from '../workspace/index.js';

/**
 * The one place a rule's severity is resolved: its default, unless `rules:` in txkit.config.yaml
 * sets another or `off`. Entries that name no known rule configure nothing (unknown-rules.ts
 * reports them).
 */
export interface RuleSeverities {
  /** The severity this project runs the rule with. */
  severityOf(rule: RuleMeta): RuleSeverity;
  /** False for a rule set to `off`: its work can be skipped. */
  isEnabled: IsRuleEnabled;
  /**
   * Applies txkit.config.yaml to produced diagnostics: a configured severity replaces the one the
   * producer chose, `off` drops the diagnostic; unconfigured rules keep theirs (a rule may report
   * some findings below its default, as email/compat does for partial support).
   */
  apply(diagnostics: readonly Diagnostic[]): Diagnostic[];
}

export function ruleSeverities(configured: Readonly<Record<string, RuleSeverity>>, rules: readonly RuleMeta[]): RuleSeverities {
  const known = new Set(rules.map((rule) => rule.id));
  const severities: ReadonlyMap<string, RuleSeverity> = new Map(Object.entries(configured).filter(([id]) => known.has(id)));
  return {
    severityOf: (rule) => severities.get(rule.id) ?? rule.defaultSeverity,
    isEnabled: (ruleId) => severities.get(ruleId) !== 'off',
    apply: (diagnostics) =>
      diagnostics.flatMap((diagnostic) => {
        const severity = severities.get(diagnostic.ruleId);
        if (severity === undefined) return [diagnostic];
        return severity === 'off' ? [] : [{ ...diagnostic, severity }];
      }),
  };
}
