export type { Diagnostic, Position, Severity } from './diagnostic.js';
export { positionAt, offsetAt } from './position.js';
export { uniqueDiagnostics } from './unique.js';
export { ruleDiagnostic, type CheckRule, type IsRuleEnabled, type Rule, type RuleMeta } from './rule.js';
