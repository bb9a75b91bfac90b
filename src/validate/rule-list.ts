import type { Colors } from 'picocolors/types.js';
import type { RuleMeta } from '../diagnostics/index.js';
import type { RuleSeverity } from '../workspace/index.js';
import type { RuleSeverities } from './rule-severities.js';

export interface RuleListing {
  id: string;
  /** The severity this project runs it with (txkit.config.yaml, else the default). */
  severity: RuleSeverity;
  defaultSeverity: RuleMeta['defaultSeverity'];
  docs: string;
}

export function listRules(rules: readonly RuleMeta[], severities: RuleSeverities): RuleListing[] {
  return rules.map((rule) => ({ id: rule.id, severity: severities.severityOf(rule), defaultSeverity: rule.defaultSeverity, docs: rule.docs }));
}

/** `txkit rules`: one aligned line per rule; a severity changed by the config is marked with `*`. */
export function formatRuleTable(listing: readonly RuleListing[], colors: Colors): string {
  const idWidth = Math.max(...listing.map((rule) => rule.id.length));
  const paint = { error: colors.red, warning: colors.yellow, info: colors.blue, off: colors.dim } as const;
  const lines = listing.map((rule) => {
    const severity = `${rule.severity}${rule.severity === rule.defaultSeverity ? ' ' : '*'}`.padEnd(8);
    return `${rule.id.padEnd(idWidth)}  ${paint[rule.severity](severity)}  ${colors.dim(rule.docs)}`;
  });
  const changed = listing.some((rule) => rule.severity !== rule.defaultSeverity);
  return [...lines, ...(changed ? ['', colors.dim('* set in txkit.config.yaml')] : [])].join('\n');
}
