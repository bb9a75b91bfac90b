import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/index.js';
import type { LocatedDocument, PathSegment } from './yaml-document.js';

function describePath(path: readonly PathSegment[]): string {
  return path.length === 0 ? 'the file' : `\`${path.join('.')}\``;
}

/** The value at `path` in the parsed document, and whether it is there at all (zod does not say). */
function valueAt(root: unknown, path: readonly PathSegment[]): { present: boolean; value?: unknown } {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return { present: false };
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return { present: true, value };
}

/** Characters of a value a diagnostic may quote: enough to recognise it, too few to leak a secret the file should not hold. */
const maxQuoted = 16;

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = String(value);
  const quoted = text.length > maxQuoted ? `${JSON.stringify(text.slice(0, maxQuoted)).slice(0, -1)}…" (${text.length} characters)` : JSON.stringify(value);
  return `${typeof value} ${quoted}`;
}

function issueMessage(issue: z.core.$ZodIssue, path: readonly PathSegment[], document: LocatedDocument): { message: string; hint?: string } {
  const found = valueAt(document.value, path);
  // Whole-file rules (a refine on the root) already say what they are about.
  if (issue.code === 'custom' && path.length === 0) return { message: issue.message };
  if (issue.code === 'invalid_type') {
    if (!found.present) return { message: `${describePath(path)} is required`, hint: `add \`${String(path.at(-1))}:\`` };
    const expected = issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : issue.expected;
    return { message: `${describePath(path)}: expected ${expected}, got ${kindOf(found.value)}` };
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return { message: `${describePath(path)}: expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}, got ${kindOf(found.value)}` };
  }
  return { message: `${describePath(path)}: ${issue.message}` };
}

/** Zod issues as diagnostics positioned on the offending key or value of the YAML/JSON file. */
export function schemaDiagnostics(
  document: LocatedDocument,
  error: z.ZodError,
  ruleId: string,
  knownKeys?: (path: readonly PathSegment[]) => string[],
): Diagnostic[] {
  return error.issues.flatMap((issue): Diagnostic[] => {
    const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const { line, column } = document.locate([...path, key], 'key');
        const known = knownKeys?.(path) ?? [];
        return {
          ruleId,
          severity: 'error',
          message: `unknown key \`${[...path, key].join('.')}\``,
          file: document.file,
          line,
          column,
          ...(known.length > 0 ? { hint: `expected one of: ${known.join(', ')}` } : {}),
        };
      });
    }
    const { line, column } = document.locate(path);
    const { message, hint } = issueMessage(issue, path, document);
    return [{ ruleId, severity: 'error', message, file: document.file, line, column, ...(hint ? { hint } : {}) }];
  });
}
