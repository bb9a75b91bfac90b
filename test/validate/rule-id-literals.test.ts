import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { registeredRules } from '../../src/validate/registry.js';
import { repoRoot } from './helpers.js';

/**
 * A rule id is written once, in its rule's module (`src/<layer>/rules/<group>-<name>.ts`); every
 * producer reads `rule.meta.id`. Tests and docs may name ids; comments are not literals.
 */

const src = path.join(repoRoot, 'src');
const ids = new Set(registeredRules().map((rule) => rule.id));
const groups = [...new Set([...ids].map((id) => id.split('/')[0]!))];
/** A string shaped like an id of a known group: `email/size`, or a new `email/whatever`. */
const idShaped = new RegExp(`^(?:${groups.join('|')})/[a-z0-9]+(?:-[a-z0-9]+)*$`);
/**
 * The layers `txkit validate` reports from, where every id must be a registered rule. The sync
 * front end reports platform answers (`customerio/api-error`, `sfmc/pull`) that are not rules.
 */
const validatedLayers = ['diagnostics', 'workspace', 'render', 'email', 'sms', 'platforms', 'validate'];

interface Literal {
  file: string;
  line: number;
  text: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/**
 * Every string literal of a TypeScript source whose whole text is a registered rule id, or in a
 * validated layer looks like one (template literals without substitutions included).
 */
function ruleIdLiterals(file: string, text: string): Literal[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const inValidatedLayer = validatedLayers.includes(path.relative(src, file).split(path.sep)[0]!);
  const found: Literal[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && (ids.has(node.text) || (inValidatedLayer && idShaped.test(node.text)))) {
      found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The one module allowed to write `id`: `src/<layer>/rules/<group>-<name>.ts`. */
function isRuleModule(file: string, id: string): boolean {
  const relative = path.relative(src, file).split(path.sep);
  return relative.length === 3 && relative[1] === 'rules' && relative[2] === `${id.replace('/', '-')}.ts`;
}

function misplaced(literals: readonly Literal[]): string[] {
  return literals
    .filter((literal) => !isRuleModule(literal.file, literal.text))
    .map((literal) => `${path.relative(repoRoot, literal.file)}:${literal.line} '${literal.text}'`);
}

describe('rule ids are written only in their rule modules', () => {
  const literals = sourceFiles(src).flatMap((file) => ruleIdLiterals(file, readFileSync(file, 'utf8')));

  it('finds no rule-id string literal outside its module, and none for an unregistered id', () => {
    expect(misplaced(literals)).toEqual([]);
    expect(literals.filter((literal) => !ids.has(literal.text)).map((literal) => literal.text)).toEqual([]);
  });

  it('has one module per registered rule, which writes its id once', () => {
    for (const id of ids)
      expect(
        literals.filter((literal) => literal.text === id),
        id,
      ).toEqual([expect.objectContaining({ text: id })]);
  });

  it('catches an id written in a producer, in quotes or backticks, and leaves comments and longer text alone', () => {
    const provider = path.join(src, 'validate/providers/example.ts');
    const text = [
      "const a = 'email/size';",
      'const b = { ruleId: `syntax/liquid` };',
      "const c = 'email/not-yet-registered';",
      '// email/size in a comment',
      "const d = 'see the worst case of sms/max-segments';",
    ].join('\n');
    expect(misplaced(ruleIdLiterals(provider, text))).toEqual([
      "src/validate/providers/example.ts:1 'email/size'",
      "src/validate/providers/example.ts:2 'syntax/liquid'",
      "src/validate/providers/example.ts:3 'email/not-yet-registered'",
    ]);
    expect(misplaced(ruleIdLiterals(path.join(src, 'email/rules/email-size.ts'), text))).toHaveLength(2);
  });
});
