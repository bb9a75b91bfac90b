/**
 * Exports a Liquid template to SFMC personalization (personalization strings and AMPscript),
 * since SFMC does not run Liquid. Whatever has no faithful translation stays in the output as
 * the original Liquid, at its place, and is reported as `sfmc/unsupported-construct`: never
 * dropped, never approximated.
 */

import { Liquid, LiquidError, Tokenizer, type TagToken } from 'liquidjs';
import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.js';
import { createVariableNames, renderCondition, scriptBlock, setFromAttribute, type Condition } from './ampscript.js';
import { rangeDiagnostic, type ExportPlace, type Untranslatable } from './export-problems.js';
import { syntaxLiquid } from '../../render/rules/index.js';
import { readTemplateNodes, type BlockNode, type TemplateNode } from './liquid-blocks.js';
import type { OutputToken } from './liquid-tokens.js';
import { translateCondition, translateOutput, type TranslationScope } from './liquid-translation.js';
import { sharedAttributeNames, type AttributeRead } from './sfmc-attributes.js';

export interface SfmcExportOptions extends ExportPlace {
  /**
   * SFMC attribute names by full Liquid path, such as `{"customer.first_name": "FirstName"}`.
   * Unmapped paths use their last segment. A mapped path may be nested
   * (`trigger.address.city`): the mapping says the backend sends it to SFMC as that flat
   * attribute.
   */
  attributeMap?: Record<string, string>;
  /**
   * Paths message.yaml declares as SFMC profile attributes (`profile: true`): only these are
   * output as `%%name%%`. SFMC checks personalization strings against the account's profile and
   * data-extension fields when it saves a definition and refuses an unknown one (109124), so
   * every other attribute is read with AttributeValue, which is empty when it is absent.
   */
  profilePaths?: ReadonlySet<string>;
  /**
   * The template is the plain-text view generated from the HTML body. Its converter decodes
   * HTML entities, so the `escape` filter is left out: it would show `&lt;` in the text.
   */
  textFromHtml?: boolean;
}

export interface SfmcExport {
  output: string;
  diagnostics: Diagnostic[];
}

/** Output text in order; `sourceOffset` marks template text copied as is. */
interface Piece {
  text: string;
  sourceOffset?: number;
}

/** The state of one export while it walks the template. */
interface ExportRun {
  readonly source: string;
  readonly scope: TranslationScope;
  readonly pieces: Piece[];
  /** Attributes read by translated constructs, in the order they were translated. */
  readonly reads: AttributeRead[];
  readonly problems: Untranslatable[];
}

const liquid = new Liquid();

export function exportToSfmc(source: string, options: SfmcExportOptions): SfmcExport {
  const syntaxError = syntaxErrorIn(source);
  if (syntaxError) return { output: source, diagnostics: [syntaxDiagnostic(source, options, syntaxError)] };

  const run: ExportRun = {
    source,
    scope: {
      attributeMap: options.attributeMap ?? {},
      profilePaths: options.profilePaths ?? new Set(),
      textFromHtml: options.textFromHtml ?? false,
      variableFor: createVariableNames(),
    },
    pieces: [],
    reads: [],
    problems: [],
  };
  exportNodes(readTemplateNodes(new Tokenizer(source).readTopLevelTokens()), run);

  const toDiagnostic = (severity: Severity) => (problem: Untranslatable) => rangeDiagnostic(source, options, { ...problem, severity });
  const diagnostics = [
    ...[...run.problems, ...delimiterCollisions(run.pieces)].map(toDiagnostic('error')),
    ...sharedAttributeNames(run.reads).map(toDiagnostic('warning')),
  ].sort((a, b) => a.line - b.line || a.column - b.column);
  return { output: setStatements(run.reads) + run.pieces.map((piece) => piece.text).join(''), diagnostics };
}

function exportNodes(nodes: TemplateNode[], run: ExportRun): void {
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        run.pieces.push({ text: node.token.getContent(), sourceOffset: node.token.begin + node.token.trimLeft });
        break;
      case 'output':
        exportOutput(node.token, run);
        break;
      case 'tag':
        // `{% # ... %}` is an inline comment: it renders nothing in Liquid either.
        if (node.token.name !== '#') keepLiquid(node.token, [unsupportedTag(node.token)], run);
        break;
      case 'block':
        exportBlock(node, run);
        break;
    }
  }
}

function exportBlock(block: BlockNode, run: ExportRun): void {
  switch (block.name) {
    case 'comment':
      return;
    case 'raw':
      // Raw content is template text: Liquid outputs it as written.
      return exportNodes(
        block.branches.flatMap((branch) => branch.body),
        run,
      );
    case 'if':
    case 'unless':
      return exportConditional(block, run);
    default:
      // The body belongs to the construct (loop variables, captured text): it stays whole.
      return keepLiquid(block, [unsupportedTag(block.branches[0]!.tag)], run);
  }
}

/** if/unless with elsif/else branches → IF / ELSEIF / ELSE / ENDIF, or the whole block kept. */
function exportConditional(block: BlockNode, run: ExportRun): void {
  const branches = block.branches.map((branch) => ({
    ...branch,
    condition: branch.tag.name === 'else' ? undefined : translateCondition(branch.tag, run.scope),
  }));
  const problems = branches.flatMap((branch) => branch.condition?.problems ?? []);
  if (problems.length > 0) return keepLiquid(block, problems, run);

  run.reads.push(...branches.flatMap((branch) => branch.condition?.reads ?? []));
  for (const branch of branches) {
    run.pieces.push({ text: scriptBlock(branchStatement(branch.tag.name, branch.condition?.ampscript)) });
    exportNodes(branch.body, run);
  }
  run.pieces.push({ text: scriptBlock('ENDIF') });
}

function branchStatement(tagName: string, condition: Condition | undefined): string {
  if (!condition) return 'ELSE';
  if (tagName === 'elsif') return `ELSEIF ${renderCondition(condition)} THEN`;
  return `IF ${renderCondition(tagName === 'unless' ? { kind: 'negation', condition } : condition)} THEN`;
}

function exportOutput(token: OutputToken, run: ExportRun): void {
  const translation = translateOutput(token, run.scope);
  if (translation.problems.length > 0) return keepLiquid(token, translation.problems, run);
  run.reads.push(...translation.reads);
  run.pieces.push({ text: translation.ampscript });
}

interface SourceRange {
  begin: number;
  end: number;
}

/** Leaves the construct's Liquid in the output, where it was, and reports why. */
function keepLiquid(range: SourceRange, problems: Untranslatable[], run: ExportRun): void {
  run.problems.push(...problems);
  run.pieces.push({ text: run.source.slice(range.begin, range.end) });
}

/** Why a tag has no translation (when there is more to say than that) and what to do instead. */
interface TagAdvice {
  reason?: string;
  hint: string;
}

const LOOP: TagAdvice = {
  reason: 'SFMC transactional attributes are flat strings and AMPscript loops only over numeric ranges and rowsets',
  hint: 'render the repeated markup in your backend and send it as one trigger attribute, such as trigger.items_html, output with {{ trigger.items_html }}',
};
const TEMPLATE_VARIABLE: TagAdvice = {
  reason: 'template variables do not exist in SFMC, which personalizes only with the attributes sent with the message',
  hint: 'compute the value in your backend and send it as a trigger attribute',
};
const OTHER_TEMPLATE: TagAdvice = {
  reason: 'the SFMC export does not follow other templates',
  hint: 'inline the other template into this one',
};

const TAG_ADVICE: Readonly<Record<string, TagAdvice>> = {
  for: LOOP,
  tablerow: LOOP,
  assign: TEMPLATE_VARIABLE,
  capture: TEMPLATE_VARIABLE,
  increment: TEMPLATE_VARIABLE,
  decrement: TEMPLATE_VARIABLE,
  cycle: TEMPLATE_VARIABLE,
  include: OTHER_TEMPLATE,
  render: OTHER_TEMPLATE,
  layout: OTHER_TEMPLATE,
  block: OTHER_TEMPLATE,
  case: { hint: 'write it as {% if %} / {% elsif %} with == comparisons' },
  echo: { hint: 'write it as {{ }} output' },
  liquid: { hint: 'write its statements as separate {% %} tags' },
};

function unsupportedTag(tag: TagToken): Untranslatable {
  const advice = Object.hasOwn(TAG_ADVICE, tag.name) ? TAG_ADVICE[tag.name] : undefined;
  return {
    begin: tag.begin,
    end: tag.end,
    message: `the \`${tag.name}\` tag has no AMPscript translation${advice?.reason ? `: ${advice.reason}` : ''}`,
    hint: advice?.hint ?? 'remove it, or compute its result in your backend and send it as a trigger attribute',
  };
}

/**
 * Template text copied as is must not contain SFMC's own delimiters, `%%` (AMPscript) and `{{`
 * (Guide Template Language), including ones it forms with the next output (`50%` before
 * `%%[ IF ... ]%%`). They are reported, not escaped: only the author knows what was meant, and
 * such text is more often AMPscript pasted into a Liquid template than a literal to keep.
 */
function delimiterCollisions(pieces: Piece[]): Untranslatable[] {
  const collisions: Untranslatable[] = [];
  pieces.forEach((piece, index) => {
    if (piece.sourceOffset === undefined) return;
    const nextCharacter = pieces.slice(index + 1).find((next) => next.text !== '')?.text[0] ?? '';
    for (const match of `${piece.text}${nextCharacter}`.matchAll(/%%|\{\{/g)) {
      const begin = piece.sourceOffset + match.index;
      collisions.push({
        begin,
        end: Math.min(begin + 2, piece.sourceOffset + piece.text.length),
        message:
          match[0] === '%%'
            ? 'the text %% would be read by SFMC as an AMPscript delimiter'
            : 'the text {{ would be read by SFMC as a Guide Template Language delimiter',
        hint: match[0] === '%%' ? 'write a single %, or send the text as a trigger attribute' : 'send the text as a trigger attribute',
      });
    }
  });
  return collisions;
}

/** One `SET @x = AttributeValue("x")` block per attribute read through a variable, in source order. */
function setStatements(reads: AttributeRead[]): string {
  const attributeByVariable = new Map<string, string>();
  for (const { variable, name } of [...reads].sort((a, b) => a.begin - b.begin)) {
    if (variable && !attributeByVariable.has(variable)) attributeByVariable.set(variable, name);
  }
  // Joined without whitespace: anything between the blocks would be sent as message text.
  return [...attributeByVariable].map(([variable, name]) => setFromAttribute(variable, name)).join('');
}

/** Liquid's own parse decides whether the template is valid; the export assumes it is. */
function syntaxErrorIn(source: string): LiquidError | undefined {
  try {
    liquid.parse(source);
    return undefined;
  } catch (error) {
    if (LiquidError.is(error)) return error;
    throw error;
  }
}

function syntaxDiagnostic(source: string, place: ExportPlace, error: LiquidError): Diagnostic {
  return rangeDiagnostic(source, place, {
    ruleId: syntaxLiquid.meta.id,
    begin: error.token.begin,
    end: error.token.end,
    message: error.message.replace(/, line:\d+, col:\d+$/, ''),
    hint: 'the SFMC export needs a template Liquid can parse',
  });
}
