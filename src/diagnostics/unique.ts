import type { Diagnostic } from './diagnostic.js';

/**
 * Each problem once: the same rule, place and message found again (for another sample, by
 * another provider) is the same problem. The first occurrence wins, so order is kept.
 */
export function uniqueDiagnostics<T extends Diagnostic>(diagnostics: readonly T[]): T[] {
  const seen = new Set<string>();
  return diagnostics.filter((diagnostic) => {
    const key = `${diagnostic.ruleId}\0${diagnostic.file}\0${diagnostic.line}\0${diagnostic.column}\0${diagnostic.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
