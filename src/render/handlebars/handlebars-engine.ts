import Handlebars from 'handlebars';
import { BoundedCache } from '../../cache/bounded-cache.js';
import { offsetAt, type Diagnostic } from '../../diagnostics/index.js';
import type { CompileResult, CompiledTemplate, ContentType, ParseCacheStats, RenderOptions, RenderResult, TemplateEngine } from '../engine.js';
import { defaultRenderLimits, type RenderLimits } from '../limits.js';
import type { RenderContext } from '../../workspace/render-context.js';
import { isStringLengthError, outputTooLarge, templateDiagnostic, templateTooLarge } from '../template-diagnostic.js';
import type { TemplateSource } from '../../workspace/template-source.js';
import { gtlBlockHelpers, registerGtlHelpers, supportedHelpersHint, type BuiltInHelper } from './gtl-helpers.js';
import { collectPathReferences, type PathPart, type PathReference } from './path-references.js';
import { blockTooDeep, unclosedBlock } from './unclosed-block.js';
import { unsupportedConstruct, unsupportedSyntax, type UnsupportedConstruct } from './unsupported-constructs.js';
import { renderError, renderLimit, renderUndefinedAttribute, syntaxHandlebars } from '../rules/index.js';

interface JisonHash {
  /** The token the parser stopped at; `EOF` when the template ended too early. */
  token?: string;
  loc?: { first_line: number; last_line: number; first_column: number; last_column: number };
}

// The Handlebars parser throws plain Errors whose position is only in the message text;
// keep jison's location object so a syntax error can point at its line and column.
const jisonParser = (Handlebars as unknown as { Parser: { parseError: (message: string, hash: JisonHash) => never } }).Parser;
jisonParser.parseError = (message: string, hash: JisonHash) => {
  throw Object.assign(new Error(message), { hash });
};

interface HandlebarsErrorShape {
  message: string;
  hash?: JisonHash;
  lineNumber?: number;
  column?: number;
}

/** 1-based line and 0-based column (Handlebars' convention) of a Handlebars error, when it has one. */
function errorLoc(error: HandlebarsErrorShape): { line: number; column: number } | undefined {
  if (error.hash?.loc) {
    const loc = error.hash.loc;
    return loc.first_line === loc.last_line ? { line: loc.last_line, column: loc.first_column } : { line: loc.last_line, column: loc.last_column };
  }
  if (typeof error.lineNumber === 'number') return { line: error.lineNumber, column: error.column ?? 0 };
  return undefined;
}

function offsetOfLoc(text: string, loc: { line: number; column: number }): number {
  return offsetAt(text, { line: loc.line, column: loc.column + 1 });
}

function cleanMessage(message: string): string {
  // "Parse error on line 1:\n<excerpt>\n---^\nExpecting ..." → "parse error: Expecting ..."; "... - 2:2" → without the suffix.
  const lines = message.split('\n');
  if (lines[0]?.startsWith('Parse error') && lines.length >= 4) return `parse error: ${lines.slice(3).join(' ')}`;
  return message.replace(/ - \d+:\d+$/, '');
}

/** The template ended inside a block: point at the opening tag that needs its `{{/name}}`. */
function unclosedBlockDiagnostic(source: TemplateSource, ruleId: string): Diagnostic {
  const block = unclosedBlock(source.text);
  if (!block) return templateDiagnostic(source, { ruleId, offset: source.text.length, message: 'the template ends in the middle of a tag' });
  return templateDiagnostic(source, {
    ruleId,
    offset: block.offset,
    length: block.tag.length,
    message: `${block.tag} is not closed`,
    hint: `add {{/${block.name}}} where the block ends`,
  });
}

function handlebarsErrorDiagnostic(source: TemplateSource, error: unknown, ruleId: string): Diagnostic {
  const shape = (error instanceof Error ? error : new Error(String(error))) as HandlebarsErrorShape;
  if (shape.hash?.token === 'EOF') return unclosedBlockDiagnostic(source, ruleId);
  const loc = errorLoc(shape);
  let offset = loc ? offsetOfLoc(source.text, loc) : 0;
  const helper = /unknown helper (\S+)/.exec(shape.message)?.[1];
  if (helper !== undefined) {
    // Handlebars places the error at the `{{`; the name is what to fix.
    const at = source.text.indexOf(helper, offset);
    if (at !== -1) offset = at;
    return templateDiagnostic(source, {
      ruleId,
      offset,
      length: helper.length,
      message: `unknown helper "${helper}"`,
      hint: supportedHelpersHint,
    });
  }
  const mismatch = /^(\S+) doesn't match (\S+) - \d+:\d+$/.exec(shape.message);
  if (mismatch) {
    return templateDiagnostic(source, {
      ruleId,
      offset,
      message: `{{#${mismatch[1]}}} is closed by {{/${mismatch[2]}}}`,
      hint: `close it with {{/${mismatch[1]}}}`,
    });
  }
  return templateDiagnostic(source, { ruleId, offset, message: cleanMessage(shape.message) });
}

function unsupportedDiagnostic(source: TemplateSource, construct: UnsupportedConstruct): Diagnostic {
  const offset = construct.offset ?? (construct.loc ? offsetOfLoc(source.text, construct.loc) : 0);
  return templateDiagnostic(source, { ruleId: syntaxHandlebars.meta.id, offset, length: construct.length, message: construct.message, hint: construct.hint });
}

function hasPath(context: RenderContext, parts: PathPart[]): boolean {
  let value: unknown = context;
  for (const part of parts) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return false;
    value = (value as Record<string, unknown>)[part];
  }
  return value !== undefined && value !== null;
}

interface ParsedHandlebars {
  /** Escapes `{{ }}` output: text/html content. */
  render: Handlebars.TemplateDelegate;
  /** Prints `{{ }}` output as it is: text/plain content (SMS, subject, preheader, text part); compiled on first use. */
  renderText?: Handlebars.TemplateDelegate;
  ast: hbs.AST.Program;
  outputReferences: PathReference[];
}

/** The first mustache whose subexpressions `(…)` nest deeper than `maxDepth`: parsing time grows with the square of the depth, as for blocks. */
function subexpressionTooDeep(text: string, maxDepth: number): { offset: number; length: number } | undefined {
  for (const match of text.matchAll(/\{\{[^}]*\}\}/g)) {
    let depth = 0;
    for (const char of match[0]) {
      if (char === '(' && ++depth > maxDepth) return { offset: match.index, length: match[0].length };
      if (char === ')') depth--;
    }
  }
  return undefined;
}

/** When the render in progress must stop (renders are synchronous, so one per engine at a time). */
interface RenderDeadline {
  at: number;
}

class RenderTimeout extends Error {}

// Unknown helpers are compile errors; switch and case are GTL's own block helpers.
const compileOptions: CompileOptions = { knownHelpersOnly: true, knownHelpers: Object.fromEntries(gtlBlockHelpers.map((name) => [name, true])) };

/**
 * Handlebars has no render budget of its own, and {{#each}} blocks nested over sample arrays
 * multiply (three levels over 2000 items: 8·10⁹ steps), so every {{#each}} step checks the deadline.
 */
function registerBoundedEach(handlebars: typeof Handlebars, deadline: RenderDeadline): void {
  const each = handlebars.helpers.each as BuiltInHelper;
  handlebars.registerHelper('each', function (this: unknown, items: unknown, options: Handlebars.HelperOptions) {
    const step = (...args: Parameters<Handlebars.TemplateDelegate>) => {
      if (performance.now() > deadline.at) throw new RenderTimeout();
      return options.fn(...args);
    };
    return each.call(this, items, { ...options, fn: step });
  });
}

class CompiledHandlebarsTemplate implements CompiledTemplate {
  constructor(
    private readonly handlebars: typeof Handlebars,
    private readonly parsed: ParsedHandlebars,
    private readonly limits: RenderLimits,
    private readonly deadline: RenderDeadline,
    readonly source: TemplateSource,
  ) {}

  /** Strict mode, the SFMC way: an unguarded output of an absent attribute would send blank text. */
  private missingAttributes(context: RenderContext): Diagnostic[] {
    return this.parsed.outputReferences
      .filter((reference) => !hasPath(context, reference.parts))
      .map((reference) =>
        templateDiagnostic(this.source, {
          ruleId: renderUndefinedAttribute.meta.id,
          offset: offsetOfLoc(this.source.text, reference.loc),
          message: `undefined variable: ${reference.parts.join('.')}`,
          hint: 'add the attribute to the sample, or wrap the output in {{#if ...}}',
        }),
      );
  }

  /**
   * GTL escapes by the content type of the message part (gtlEscaped): HTML-escaped in text/html,
   * as it is in text/plain, where `&amp;` would reach the reader (and count in SMS segments).
   */
  private delegate(contentType: ContentType): Handlebars.TemplateDelegate {
    if (contentType === 'html') return this.parsed.render;
    this.parsed.renderText ??= this.handlebars.compile(this.parsed.ast, { ...compileOptions, noEscape: true });
    return this.parsed.renderText;
  }

  render(context: RenderContext, options: RenderOptions = {}): RenderResult {
    const limits = options.limits ?? this.limits;
    const diagnostics = options.strict ? this.missingAttributes(context) : [];
    let output: string;
    this.deadline.at = performance.now() + limits.maxRenderMs;
    try {
      output = this.delegate(options.contentType ?? 'html')(context);
    } catch (error) {
      const problem =
        error instanceof RenderTimeout
          ? templateDiagnostic(this.source, {
              ruleId: renderLimit.meta.id,
              offset: 0,
              message: `rendering took longer than ${limits.maxRenderMs} ms`,
              hint: 'check {{#each}} blocks nested over large attributes',
            })
          : isStringLengthError(error)
            ? outputTooLarge(this.source, undefined, limits.maxOutputLength)
            : handlebarsErrorDiagnostic(this.source, error, renderError.meta.id);
      return { output: '', diagnostics: [...diagnostics, problem] };
    } finally {
      this.deadline.at = Infinity;
    }
    if (output.length > limits.maxOutputLength) {
      return { output: '', diagnostics: [...diagnostics, outputTooLarge(this.source, output.length, limits.maxOutputLength)] };
    }
    return { output, diagnostics };
  }
}

/**
 * Handlebars as SFMC's Guide Template Language (GTL) runs it: `{{ }}` HTML-escapes in HTML
 * content only, `{{{ }}}` and `{{& }}` never; GTL's empty values; GTL's block helpers
 * (switch/case included) and no others; prototype access stays denied.
 */
export class HandlebarsEngine implements TemplateEngine {
  readonly name = 'handlebars' as const;
  readonly #handlebars = Handlebars.create();
  readonly #parsed = new BoundedCache<string, ParsedHandlebars>(2000);
  readonly #deadline: RenderDeadline = { at: Infinity };

  constructor(private readonly limits: RenderLimits = defaultRenderLimits) {
    registerGtlHelpers(this.#handlebars);
    registerBoundedEach(this.#handlebars, this.#deadline);
  }

  /** Parse only (no compile): the AST for static analysis, or the syntax diagnostic. */
  parse(source: TemplateSource): { ast?: hbs.AST.Program; diagnostics: Diagnostic[] } {
    if (source.text.length > this.limits.maxTemplateLength) return { diagnostics: [templateTooLarge(source, this.limits.maxTemplateLength)] };
    const tooDeep = blockTooDeep(source.text, this.limits.maxBlockDepth);
    if (tooDeep) {
      const message = `${tooDeep.tag} is nested more than ${this.limits.maxBlockDepth} blocks deep`;
      return {
        diagnostics: [
          templateDiagnostic(source, {
            ruleId: renderLimit.meta.id,
            offset: tooDeep.offset,
            length: tooDeep.tag.length,
            message,
            hint: 'close blocks with {{/name}}; real templates nest a few levels',
          }),
        ],
      };
    }
    const deepSubexpression = subexpressionTooDeep(source.text, this.limits.maxBlockDepth);
    if (deepSubexpression) {
      const message = `subexpressions (…) are nested more than ${this.limits.maxBlockDepth} levels deep`;
      return { diagnostics: [templateDiagnostic(source, { ruleId: renderLimit.meta.id, ...deepSubexpression, message })] };
    }
    const gtlSyntax = unsupportedSyntax(source.text);
    if (gtlSyntax) return { diagnostics: [unsupportedDiagnostic(source, gtlSyntax)] };
    try {
      return { ast: this.#handlebars.parse(source.text), diagnostics: [] };
    } catch (error) {
      return { diagnostics: [handlebarsErrorDiagnostic(source, error, syntaxHandlebars.meta.id)] };
    }
  }

  parseCacheStats(): ParseCacheStats {
    return { hits: this.#parsed.hits, misses: this.#parsed.misses, size: this.#parsed.size };
  }

  compile(source: TemplateSource): CompileResult {
    let parsed = this.#parsed.get(source.text);
    if (!parsed) {
      const { ast, diagnostics } = this.parse(source);
      if (!ast) return { diagnostics };
      const unsupported = unsupportedConstruct(ast);
      if (unsupported) return { diagnostics: [unsupportedDiagnostic(source, unsupported)] };
      try {
        const render = this.#handlebars.compile(ast, compileOptions);
        // compile() is lazy: run once on empty data so unknown helpers surface now, not at first render.
        render({ customer: {}, trigger: {} });
        const outputReferences = collectPathReferences(ast).filter((reference) => reference.usage === 'output' && !reference.guarded);
        parsed = { render, ast, outputReferences };
      } catch (error) {
        return { diagnostics: [handlebarsErrorDiagnostic(source, error, syntaxHandlebars.meta.id)] };
      }
      this.#parsed.set(source.text, parsed);
    }
    return { template: new CompiledHandlebarsTemplate(this.#handlebars, parsed, this.limits, this.#deadline, source), diagnostics: [] };
  }
}
