/**
 * Exports a Handlebars template to SFMC's Guide Template Language (GTL), the
 * Handlebars-compatible language SFMC runs. The syntax carries over; the paths do not:
 * SFMC transactional attributes are flat, so `{{customer.first_name}}` becomes
 * `{{first_name}}` (or its attributeMap name). The rewrite works on Handlebars' own AST and
 * replaces only the path text, so everything else stays byte for byte. Constructs with no
 * faithful GTL form stay as written and are reported as `sfmc/unsupported-construct`.
 */

import { offsetAt } from '../../diagnostics/position.js';
import { HandlebarsEngine } from '../../render/index.js';
import { locatorFor, rangeDiagnostic, untranslatable, type Untranslatable } from './export-problems.js';
import type { SfmcExport, SfmcExportOptions } from './personalization-export.js';
import { resolveSfmcAttribute, sharedAttributeNames, type AttributeRead } from './sfmc-attributes.js';

interface Replacement {
  begin: number;
  end: number;
  text: string;
}

interface ExportRun {
  readonly source: string;
  readonly attributeMap: Readonly<Record<string, string>>;
  readonly replacements: Replacement[];
  readonly reads: AttributeRead[];
  readonly problems: Untranslatable[];
}

type Located = { loc: hbs.AST.SourceLocation };

/** Parses like the preview does, so a syntax error reads the same in both places. */
const parser = new HandlebarsEngine();

export function exportHandlebarsToSfmc(source: string, options: SfmcExportOptions): SfmcExport {
  const parsed = parser.parse({ file: options.file, text: source, locate: locatorFor(source, options) });
  if (!parsed.ast) return { output: source, diagnostics: parsed.diagnostics };
  const run: ExportRun = { source, attributeMap: options.attributeMap ?? {}, replacements: [], reads: [], problems: [] };
  exportProgram(parsed.ast, run);

  const diagnostics = [
    ...run.problems.map((problem) => rangeDiagnostic(source, options, problem)),
    ...sharedAttributeNames(run.reads).map((problem) => rangeDiagnostic(source, options, { ...problem, severity: 'warning' })),
  ].sort((a, b) => a.line - b.line || a.column - b.column);
  let output = '';
  let copied = 0;
  for (const replacement of [...run.replacements].sort((a, b) => a.begin - b.begin)) {
    output += source.slice(copied, replacement.begin) + replacement.text;
    copied = replacement.end;
  }
  return { output: output + source.slice(copied), diagnostics };
}

function exportProgram(program: hbs.AST.Program | undefined, run: ExportRun): void {
  for (const statement of program?.body ?? []) exportStatement(statement, run);
}

function exportStatement(node: hbs.AST.Statement, run: ExportRun): void {
  switch (node.type) {
    case 'ContentStatement':
      return checkContent(node as hbs.AST.ContentStatement, run);
    case 'CommentStatement':
      return;
    case 'MustacheStatement':
      return exportMustache(node as hbs.AST.MustacheStatement, run);
    case 'BlockStatement':
      return exportBlock(node as hbs.AST.BlockStatement, run);
    default:
      // Partials and decorators: other templates and JavaScript, which SFMC does not have.
      run.problems.push(untranslatable(range(node, run), `${describe(node.type)} has no SFMC equivalent`, 'inline the content into this template'));
  }
}

function describe(type: string): string {
  return type.startsWith('Partial') ? 'a partial' : 'a decorator';
}

/** `%%` in text would start AMPscript, which SFMC runs in GTL content too. */
function checkContent(node: hbs.AST.ContentStatement, run: ExportRun): void {
  const { begin, end } = range(node, run);
  for (const match of run.source.slice(begin, end).matchAll(/%%/g)) {
    const at = begin + match.index;
    run.problems.push(
      untranslatable(
        { begin: at, end: at + 2 },
        'the text %% would be read by SFMC as an AMPscript delimiter',
        'write a single %, or send the text as a trigger attribute',
      ),
    );
  }
}

function exportMustache(node: hbs.AST.MustacheStatement, run: ExportRun): void {
  if (node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0) {
    const helper = node.path.type === 'PathExpression' ? (node.path as hbs.AST.PathExpression).original : 'a helper';
    run.problems.push(
      untranslatable(
        range(node, run),
        `the helper call \`${helper}\` has no faithful GTL equivalent`,
        'output a single attribute, computed by your backend if need be',
      ),
    );
    return;
  }
  exportValue(node.path, run);
}

function exportBlock(node: hbs.AST.BlockStatement, run: ExportRun): void {
  const helper = node.path.type === 'PathExpression' ? node.path.original : '';
  const [condition, ...extra] = node.params;
  const conditional = helper === 'if' || helper === 'unless';
  if (!conditional || !condition || extra.length > 0 || (node.hash?.pairs.length ?? 0) > 0) {
    run.problems.push(blockProblem(node, helper, run));
    return;
  }
  exportValue(condition, run);
  exportProgram(node.program, run);
  // Handlebars marks `{{else if}}` with `chained`, which its type declarations leave out.
  if ((node.inverse as (hbs.AST.Program & { chained?: boolean }) | undefined)?.chained) {
    // `{{else if}}` is a Handlebars shorthand; SFMC documents only `{{else}}`.
    const chained = node.inverse.body[0] as hbs.AST.BlockStatement;
    const begin = range(chained, run).begin;
    const close = run.source.indexOf('}}', begin);
    run.problems.push(
      untranslatable(
        { begin, end: close === -1 ? begin : close + 2 },
        '{{else if}} is not part of the Guide Template Language SFMC documents',
        'nest an {{#if}} inside {{else}}',
      ),
    );
    return;
  }
  exportProgram(node.inverse, run);
}

function blockProblem(node: hbs.AST.BlockStatement, helper: string, run: ExportRun): Untranslatable {
  const at = range(node.path, run);
  const opening = { begin: range(node, run).begin, end: at.end };
  switch (helper) {
    case 'each':
      return untranslatable(
        opening,
        'the `each` block has no faithful GTL translation: SFMC transactional attributes are flat strings, not lists',
        'render the repeated markup in your backend and send it as one trigger attribute, output with {{{trigger.items_html}}}',
      );
    case 'with':
      return untranslatable(
        opening,
        'the `with` block changes scope, which flat SFMC attributes do not have',
        'write the full paths (customer.x, trigger.y) without `with`',
      );
    case 'if':
    case 'unless':
      return untranslatable(opening, `\`${helper}\` is translated with exactly one attribute as its condition`, `write {{#${helper} trigger.flag}}`);
    default:
      return untranslatable(opening, `the block \`${helper}\` has no faithful GTL equivalent`, 'write the condition as {{#if trigger.flag}} ... {{/if}}');
  }
}

/** An output or condition value: a customer/trigger path, rewritten to its flat SFMC name. */
function exportValue(node: hbs.AST.Expression, run: ExportRun): void {
  const at = range(node, run);
  if (node.type !== 'PathExpression') {
    run.problems.push(untranslatable(at, `${run.source.slice(at.begin, at.end)} is not an attribute`, 'use a customer or trigger attribute'));
    return;
  }
  const path = node as hbs.AST.PathExpression;
  if (path.data || path.depth > 0 || /^(this\b|\.)/.test(path.original)) {
    run.problems.push(
      untranslatable(at, `${path.original} is not a customer or trigger attribute`, 'write the full path from the root, such as customer.first_name'),
    );
    return;
  }
  const resolved = resolveSfmcAttribute(path.original, path.parts, run.attributeMap);
  if (!('path' in resolved)) {
    run.problems.push(untranslatable(at, resolved.message, resolved.hint));
    return;
  }
  const name = gtlPath(resolved.name);
  if (name === undefined) {
    run.problems.push(
      untranslatable(at, `the SFMC attribute name "${resolved.name}" cannot be written in a GTL path`, 'map the path to a name without "]" in attributeMap'),
    );
    return;
  }
  run.reads.push({ ...resolved, ...at });
  run.replacements.push({ ...at, text: name });
}

/** A flat attribute name as a Handlebars path: bare when it is an identifier, else a `[segment literal]`. */
function gtlPath(name: string): string | undefined {
  if (/^[A-Za-z_][\w-]*$/.test(name)) return name;
  return name.includes(']') ? undefined : `[${name}]`;
}

/** A node's source range; Handlebars locations are 1-based lines and 0-based columns. */
function range(node: Located, run: ExportRun): { begin: number; end: number } {
  const offset = (position: hbs.AST.Position) => offsetAt(run.source, { line: position.line, column: position.column + 1 });
  return { begin: offset(node.loc.start), end: offset(node.loc.end) };
}
