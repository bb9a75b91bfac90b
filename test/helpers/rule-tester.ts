import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, Rule, Severity } from '../../src/diagnostics/index.js';
import { validateWorkingTree } from '../../src/validate/run-validation.js';
import { useTempDirs, type FileTree } from './temp-dir.js';
import { positionOf } from './text-position.js';

/**
 * A table-driven tester for validation rules, like ESLint's RuleTester: per rule, `valid` cases
 * that must not report it and `invalid` cases with the diagnostics it must report, exactly (no
 * more, no fewer). Every case runs the real `txkit validate` pipeline (loader, providers,
 * txkit.config.yaml's severities) on a project, then keeps the rule's diagnostics.
 *
 * ```ts
 * testRule(attributesUnused, {
 *   valid: [{ name: 'read by the body', files: { ... } }],
 *   invalid: [{ name: 'declared, never read', files: { ... }, errors: [{ file: 'templates/msg/message.yaml', at: 'legacy_code', message: 'no template reads it' }] }],
 * });
 * ```
 */

/** The project a case validates: files written into a fresh temp folder, or an existing folder. */
export type RuleTestProject =
  /** Relative path (with `/`, e.g. `templates/msg/message.yaml`) → content; txkit.config.yaml included when given. */
  | { files: FileTree; project?: undefined }
  /** An existing project folder (a fixture), validated once and shared by every case that names it. */
  | { project: string; files?: undefined };

export type RuleTestCase = RuleTestProject & {
  name: string;
  /** What `txkit validate` is given (relative to the project root); the whole project by default. */
  paths?: readonly string[];
};

export interface ExpectedDiagnostic {
  /** The file the diagnostic is in, relative to the project root. */
  file: string;
  /** Where it starts: the `occurrence`-th appearance of this text in the file (counted by test/helpers/text-position.ts) … */
  at?: string;
  occurrence?: number;
  /** … or this line and column (1-based). Neither: line 1, column 1. */
  line?: number;
  column?: number;
  /** Where it ends, as characters after the start on the same line. */
  length?: number;
  /** A fragment of the message (a string it contains), or a pattern it matches. */
  message?: string | RegExp;
  hint?: string | RegExp;
  /** The rule's default severity unless given. */
  severity?: Severity;
}

export type InvalidRuleTestCase = RuleTestCase & { errors: readonly ExpectedDiagnostic[] };

export interface RuleTests {
  valid?: readonly RuleTestCase[];
  invalid?: readonly InvalidRuleTestCase[];
}

const fixtureRuns = new Map<string, Promise<Diagnostic[]>>();

function validateFixture(project: string, paths: readonly string[]): Promise<Diagnostic[]> {
  const key = JSON.stringify([project, paths]);
  let run = fixtureRuns.get(key);
  if (!run) {
    run = validateWorkingTree({ cwd: project, paths });
    fixtureRuns.set(key, run);
  }
  return run;
}

function text(pattern: string | RegExp): unknown {
  return typeof pattern === 'string' ? expect.stringContaining(pattern) : expect.stringMatching(pattern);
}

/** Registers a `describe` block for `rule` with one test per case. */
export function testRule(rule: Rule, tests: RuleTests): void {
  const { id } = rule.meta;
  const makeTempDir = useTempDirs();

  /** The project root and the rule's diagnostics in it, in file and position order. */
  async function run(testCase: RuleTestCase): Promise<{ root: string; read: (file: string) => string; found: Diagnostic[] }> {
    const paths = testCase.paths ?? [];
    let root: string;
    let diagnostics: Diagnostic[];
    let read: (file: string) => string;
    if (testCase.files) {
      const { files } = testCase;
      const dir = await makeTempDir(files, 'txkit-rule-');
      root = dir.root;
      diagnostics = await validateWorkingTree({ cwd: root, paths: [...paths] });
      read = (file) => {
        const content = files[file];
        if (typeof content !== 'string') throw new Error(`${file} is not a text file of this case`);
        return content;
      };
    } else {
      root = testCase.project;
      diagnostics = await validateFixture(root, paths);
      read = (file) => readFileSync(path.join(root, file), 'utf8');
    }
    const found = diagnostics
      .filter((diagnostic) => diagnostic.ruleId === id)
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    return { root, read, found };
  }

  describe(`${id} (rule tester)`, () => {
    for (const testCase of tests.valid ?? []) {
      it(`valid: ${testCase.name}`, async () => {
        const { found } = await run(testCase);
        expect(found).toEqual([]);
      });
    }
    for (const testCase of tests.invalid ?? []) {
      it(`invalid: ${testCase.name}`, async () => {
        const { root, read, found } = await run(testCase);
        const expected = testCase.errors.map((error) => {
          const start =
            error.at !== undefined ? positionOf(read(error.file), error.at, error.occurrence) : { line: error.line ?? 1, column: error.column ?? 1 };
          return {
            ruleId: id,
            severity: error.severity ?? rule.meta.defaultSeverity,
            file: path.join(root, error.file),
            ...start,
            ...(error.length !== undefined ? { endLine: start.line, endColumn: start.column + error.length } : {}),
            ...(error.message !== undefined ? { message: text(error.message) } : {}),
            ...(error.hint !== undefined ? { hint: text(error.hint) } : {}),
          };
        });
        expected.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
        expect(found).toEqual(expected.map((diagnostic) => expect.objectContaining(diagnostic)));
      });
    }
  });
}
