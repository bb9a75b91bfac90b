import { Liquid, LiquidError, type Template } from 'liquidjs';
import { BoundedCache } from '../../cache/bounded-cache.js';
import type { CompileResult, CompiledTemplate, ParseCacheStats, RenderOptions, RenderResult, TemplateEngine } from '../engine.js';
import { defaultRenderLimits, type RenderLimits } from '../limits.js';
import type { RenderContext } from '../../workspace/render-context.js';
import { isStringLengthError, outputTooLarge, templateDiagnostic, templateTooLarge } from '../template-diagnostic.js';
import type { TemplateSource } from '../../workspace/template-source.js';
import { registerCustomerioFilters } from './customerio-filters.js';
import { noFiles, registerCustomerioTags, UnsupportedTagError, unsupportedTagHint } from './customerio-tags.js';
import { SnippetsDrop } from './snippets-drop.js';
import { unknownFilterHint } from './unknown-filter-hint.js';
import './token-positions.js';
import { liquidUnsupportedTag, renderError, renderLimit, renderUndefinedAttribute, syntaxLiquid } from '../rules/index.js';

/**
 * Liquid as Customer.io runs it: no automatic HTML escaping, unknown filters are errors,
 * only own properties are visible, a missing attribute inside `if` / `default` is fine.
 */
export interface LiquidEngineOptions {
  /** IANA zone dates print in when a template names none (txkit.config.yaml `defaultTimezone`); UTC by default. */
  defaultTimezone?: string;
  /** The workspace's Customer.io snippets by name (`{{ snippets.footer }}`). */
  snippets?: ReadonlyMap<string, string>;
}

function createLiquid(limits: RenderLimits, strictVariables: boolean, options: LiquidEngineOptions): Liquid {
  const liquid = new Liquid({
    strictVariables,
    strictFilters: true,
    lenientIf: true,
    ownPropertyOnly: true,
    outputEscape: undefined,
    parseLimit: limits.maxTemplateLength,
    renderLimit: limits.maxRenderMs,
    memoryLimit: limits.maxMemory,
    // Templates come from the workspace as strings: no file system access from tags
    // (include/render/layout are rejected at parse time; this file system has no files either).
    fs: noFiles,
    root: [],
    relativeReference: false,
    // Customer.io renders dates in UTC unless a template converts them; so does the preview.
    timezoneOffset: 0,
    dynamicPartials: false,
  });
  registerCustomerioFilters(liquid, options);
  registerCustomerioTags(liquid);
  liquid.options.globals = { snippets: new SnippetsDrop(liquid, options.snippets ?? new Map()) };
  return liquid;
}

/** liquidjs appends ", file:F, line:L, col:C" to messages; the diagnostic carries the position itself. */
function messageWithoutPosition(error: LiquidError): string {
  return error.message.replace(/(?:, file:.*?)?, line:\d+, col:\d+$/s, '');
}

/** Offset of the error inside the template text: the failing token, narrowed to the filter name when it is an unknown filter. */
function errorOffset(error: LiquidError): number {
  const token = error.token;
  if (!token) return 0;
  const filter = /^undefined filter: ([\w-]+)/.exec(error.message);
  if (filter?.[1]) {
    const at = token.getText().search(new RegExp(`\\|\\s*${filter[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
    if (at !== -1) return token.begin + at + token.getText().slice(at).indexOf(filter[1]);
  }
  return token.begin;
}

function isUnsupportedTag(error: LiquidError): boolean {
  return (error as LiquidError & { originalError?: unknown }).originalError instanceof UnsupportedTagError;
}

function hintFor(error: LiquidError, liquid: Liquid): string | undefined {
  if (error.name === 'UndefinedVariableError') return 'add the attribute to the sample, or give it a fallback with `| default: "..."`';
  if (isUnsupportedTag(error)) return unsupportedTagHint;
  const filter = /^undefined filter: ([\w-]+)/.exec(error.message)?.[1];
  if (filter) return unknownFilterHint(filter, Object.keys(liquid.filters));
  if (error.message.includes('limit exceeded')) return 'a loop or string operation grew too large; check ranges and loops over attributes';
  if (error.message.includes('not closed')) return 'close the tag (e.g. {% endif %}, {% endfor %})';
  return undefined;
}

function ruleIdFor(error: LiquidError, phase: 'parse' | 'render'): string {
  if (error.name === 'UndefinedVariableError') return renderUndefinedAttribute.meta.id;
  if (isUnsupportedTag(error)) return liquidUnsupportedTag.meta.id;
  if (error.message.includes('limit exceeded')) return renderLimit.meta.id;
  return phase === 'parse' ? syntaxLiquid.meta.id : renderError.meta.id;
}

function liquidErrorDiagnostic(source: TemplateSource, error: unknown, phase: 'parse' | 'render', liquid: Liquid) {
  if (error instanceof LiquidError) {
    const hint = hintFor(error, liquid);
    return templateDiagnostic(source, {
      ruleId: ruleIdFor(error, phase),
      offset: errorOffset(error),
      message: messageWithoutPosition(error),
      ...(hint ? { hint } : {}),
    });
  }
  return templateDiagnostic(source, {
    ruleId: phase === 'parse' ? syntaxLiquid.meta.id : renderError.meta.id,
    offset: 0,
    message: error instanceof Error ? error.message : String(error),
  });
}

/**
 * The same configuration twice, lenient and strict: liquidjs renders about 1.5 µs faster per
 * call when strictness and limits come from the instance rather than per-render options, and
 * small SMS templates render in a few µs. Templates parsed by one render through either.
 */
interface LiquidPair {
  lenient: Liquid;
  strict: Liquid;
}

class CompiledLiquidTemplate implements CompiledTemplate {
  constructor(
    private readonly liquid: LiquidPair,
    private readonly limits: RenderLimits,
    private readonly templates: Template[],
    readonly source: TemplateSource,
  ) {}

  render(context: RenderContext, options: RenderOptions = {}): RenderResult {
    const limits = options.limits ?? this.limits;
    const renderOnce = (strictVariables: boolean): string => {
      // With lenientIf, liquidjs raises and catches an Error for every `{% if %}` on a missing attribute
      // (an optional field absent from the data): capturing their stacks, which nothing reads (render
      // errors become diagnostics from their messages and tokens), was a third of an SMS render.
      const stackTraceLimit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      try {
        return (
          limits === this.limits
            ? (strictVariables ? this.liquid.strict : this.liquid.lenient).renderSync(this.templates, context)
            : this.liquid.lenient.renderSync(this.templates, context, {
                strictVariables,
                renderLimit: limits.maxRenderMs,
                memoryLimit: limits.maxMemory,
              })
        ) as string;
      } finally {
        Error.stackTraceLimit = stackTraceLimit;
      }
    };
    const diagnostics = [];
    let output: string;
    try {
      output = renderOnce(options.strict ?? false);
    } catch (error) {
      if (isStringLengthError(error instanceof LiquidError ? error.originalError : error)) {
        return { output: '', diagnostics: [outputTooLarge(this.source, undefined, limits.maxOutputLength)] };
      }
      diagnostics.push(liquidErrorDiagnostic(this.source, error, 'render', this.liquid.lenient));
      if (!(error instanceof LiquidError && error.name === 'UndefinedVariableError')) return { output: '', diagnostics };
      // Strict mode found a missing attribute: still show what a lenient render produces.
      try {
        output = renderOnce(false);
      } catch (lenientError) {
        return { output: '', diagnostics: [...diagnostics, liquidErrorDiagnostic(this.source, lenientError, 'render', this.liquid.lenient)] };
      }
    }
    if (output.length > limits.maxOutputLength) {
      return { output: '', diagnostics: [...diagnostics, outputTooLarge(this.source, output.length, limits.maxOutputLength)] };
    }
    return { output, diagnostics };
  }
}

export class LiquidEngine implements TemplateEngine {
  readonly name = 'liquid' as const;
  readonly #liquid: LiquidPair;
  readonly #parsed = new BoundedCache<string, Template[]>(2000);

  constructor(
    private readonly limits: RenderLimits = defaultRenderLimits,
    options: LiquidEngineOptions = {},
  ) {
    this.#liquid = { lenient: createLiquid(limits, false, options), strict: createLiquid(limits, true, options) };
  }

  /** The underlying liquidjs instance (static analysis uses the same filters and tags). */
  get liquid(): Liquid {
    return this.#liquid.lenient;
  }

  parse(source: TemplateSource): { templates?: Template[]; diagnostics: ReturnType<typeof liquidErrorDiagnostic>[] } {
    if (source.text.length > this.limits.maxTemplateLength) return { diagnostics: [templateTooLarge(source, this.limits.maxTemplateLength)] };
    const cached = this.#parsed.get(source.text);
    if (cached) return { templates: cached, diagnostics: [] };
    try {
      const templates = this.#liquid.lenient.parse(source.text, source.file);
      this.#parsed.set(source.text, templates);
      return { templates, diagnostics: [] };
    } catch (error) {
      return { diagnostics: [liquidErrorDiagnostic(source, error, 'parse', this.#liquid.lenient)] };
    }
  }

  parseCacheStats(): ParseCacheStats {
    return { hits: this.#parsed.hits, misses: this.#parsed.misses, size: this.#parsed.size };
  }

  compile(source: TemplateSource): CompileResult {
    const { templates, diagnostics } = this.parse(source);
    if (!templates) return { diagnostics };
    return { template: new CompiledLiquidTemplate(this.#liquid, this.limits, templates, source), diagnostics };
  }
}
