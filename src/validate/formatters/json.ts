import type { Diagnostic } from '../../diagnostics/index.js';
import { resultsByFile } from '../results.js';

/**
 * One entry per file with problems, like ESLint's `json` formatter:
 *
 * ```
 * [{ "filePath": "/abs/templates/order/sms.txt",
 *    "messages": [{ "ruleId": "sms/max-segments", "severity": "error", "message": "…",
 *                   "line": 1, "column": 1, "endLine": 1, "endColumn": 161, "hint": "…" }],
 *    "errorCount": 1, "warningCount": 0, "infoCount": 0 }]
 * ```
 *
 * Files in path order, messages by position; `endLine`, `endColumn` and `hint` appear when
 * known; `severity` is "error" | "warning" | "info". No problems: `[]`.
 */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(resultsByFile(diagnostics), null, 2);
}
