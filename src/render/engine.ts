import type { Diagnostic } from '../diagnostics/index.js';
import type { Engine } from '../workspace/message-schema.js';
import type { RenderLimits } from './limits.js';
import type { RenderContext } from '../workspace/render-context.js';
import type { TemplateSource } from '../workspace/template-source.js';

/** What a template produces: the HTML body, or plain text (SMS, subject, preheader, text part). */
export type ContentType = 'html' | 'text';

export interface RenderOptions {
  /** Handlebars escapes `{{ }}` output only in HTML (SFMC GTL escapes by content type); defaults to 'html'. */
  contentType?: ContentType;
  /** Report attributes referenced in output but absent from the context (the output is still produced, as the platform would: empty). */
  strict?: boolean;
  limits?: RenderLimits;
}

export interface RenderResult {
  output: string;
  diagnostics: Diagnostic[];
}

/** A parsed template, ready to render many times. */
export interface CompiledTemplate {
  readonly source: TemplateSource;
  render(context: RenderContext, options?: RenderOptions): RenderResult;
}

export interface CompileResult {
  template?: CompiledTemplate;
  diagnostics: Diagnostic[];
}

/** Counters of an engine's parse cache: a hit is a compile that reused an earlier parse. */
export interface ParseCacheStats {
  hits: number;
  misses: number;
  size: number;
}

export interface TemplateEngine {
  readonly name: Engine;
  /** Parse once; the engine caches by source text, so compiling the same text again is free. */
  compile(source: TemplateSource): CompileResult;
  parseCacheStats(): ParseCacheStats;
}
