import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/index.js';
import type { LocatedDocument, PathSegment } from './yaml-document.js';

function describePath(path: readonly PathSegment[]): string {
  return path.length === 0 ? 'the file' : `\`${path.join('.')}\``;
}

function issueMessage(issue: z.core.$ZodIssue): { message: string; hint?: string } {
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return { message: `${describePath(issue.path as PathSegment[])} is required`, hint: `add \`${String(issue.path.at(-1))}:\`` };
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return { message: `${describePath(issue.path as PathSegment[])}: expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}` };
  }
  return { message: `${describePath(issue.path as PathSegment[])}: ${issue.message}` };
}

/** Zod issues as diagnostics positioned on the offending key or value of the YAML/JSON file. */
export function schemaDiagnostics(document: LocatedDocument, error: z.ZodError, ruleId: string, knownKeys?: (path: readonly PathSegment[]) => string[]): Diagnostic[] {
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
    const { message, hint } = issueMessage(issue);
    return [{ ruleId, severity: 'error', message, file: document.file, line, column, ...(hint ? { hint } : {}) }];
  });
}
