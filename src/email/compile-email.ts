import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Diagnostic } from '../diagnostics/index.js';
import { fileTemplateSource, type TemplateSource } from '../render/index.js';
import { renderLimit } from '../render/rules/index.js';
import { templateDiagnostic, templateTooLarge } from '../render/template-diagnostic.js';
import type { EmailTemplates } from '../workspace/index.js';
import { compiledTemplateSource, type CompiledTag } from './compiled-template-source.js';
import { expandIncludes, includeLimits, type ExpandedMjml } from './mjml-includes.js';
import { MjmlCache, type MjmlCompileOutput } from './mjml-cache.js';
import { mjmlDiagnostics } from './mjml-diagnostics.js';
import { inProcessMjml, MjmlDeadlineError, mjmlOptions, type MjmlRunner } from './mjml-runner.js';
import { findPersonalizationTags, type PersonalizationTag } from './personalization-tags.js';
import type { SourceMap } from './source-map.js';
import { emailTagSurvival } from './rules/email-tag-survival.js';

const mjmlVersion = (createRequire(import.meta.url)('mjml/package.json') as { version: string }).version;

/** Part of every cache key: bump when the cached output's shape or meaning changes. */
const cacheFormat = 1;

export interface CompiledEmail {
  bodyKind: 'mjml' | 'html';
  /** Layout HTML with personalization tags intact: what is published, and personalized per sample. */
  html: string;
  /** `html` as a template: a tag's position is that of the same tag in the .mjml body or the partial it came from. */
  source: TemplateSource;
  /** The MJML as compiled (partials inlined), mapped back to its files; absent for HTML bodies. */
  mjml?: SourceMap;
  /** Every file the body was built from: the body first, then its partials. */
  files: string[];
  /** workspace/path and workspace/missing-file (includes), syntax/mjml, email/tag-survival. */
  diagnostics: Diagnostic[];
  /** The compiled HTML came from the cache: mjml did not run. */
  cached: boolean;
}

export interface CompileEmailOptions {
  /** mj-include may not reach outside this folder. */
  workspaceRoot: string;
  /** Defaults to one cache shared by the whole process (memory only). */
  cache?: MjmlCache;
  /** Defaults to mjml in this thread; the preview passes a worker it can stop. */
  mjml?: MjmlRunner;
}

/** The cache `compileEmail` uses when given none: the preview and `render` share it across requests. */
export const sharedMjmlCache = new MjmlCache();

// mjml keeps a tag's text but may move or copy it; a numbered marker inside each tag's opening
// delimiter says, after compiling, which source tag every compiled tag came from.
const markerPattern = /__txkit_(\d+)__/g;

function markTags(text: string, tags: readonly PersonalizationTag[]): string {
  let marked = '';
  let cursor = 0;
  tags.forEach((tag, index) => {
    const afterOpening = tag.start + tag.openLength;
    marked += `${text.slice(cursor, afterOpening)}__txkit_${index}__`;
    cursor = afterOpening;
  });
  return marked + text.slice(cursor);
}

function unmarkTags(html: string, tags: readonly PersonalizationTag[]): Pick<MjmlCompileOutput, 'html' | 'tags'> {
  const origins: MjmlCompileOutput['tags'] = [];
  let unmarked = '';
  let cursor = 0;
  for (const match of html.matchAll(markerPattern)) {
    const index = Number(match[1]);
    const tag = tags[index];
    unmarked += html.slice(cursor, match.index);
    cursor = match.index + match[0].length;
    if (tag) origins.push([unmarked.length - tag.openLength, index]);
  }
  return { html: unmarked + html.slice(cursor), tags: origins };
}

async function runMjml(run: MjmlRunner, text: string, tags: readonly PersonalizationTag[]): Promise<MjmlCompileOutput> {
  try {
    const result = await run(markTags(text, tags));
    return { ...unmarkTags(result.html, tags), errors: result.errors };
  } catch (error) {
    // A stopped compile says nothing about the template: it must not be cached as its failure.
    if (error instanceof MjmlDeadlineError) throw error;
    return { html: '', tags: [], errors: [], failure: error instanceof Error ? error.message : String(error) };
  }
}

function cacheKey(mjml: string): string {
  return createHash('sha256')
    .update(JSON.stringify([cacheFormat, mjmlVersion, mjmlOptions, mjml]))
    .digest('hex');
}

/** Pairs each compiled tag with the source tag it came from. */
function compiledTags(html: string, origins: MjmlCompileOutput['tags'], sourceTags: readonly PersonalizationTag[]): CompiledTag[] {
  const originAt = new Map(origins);
  return findPersonalizationTags(html).flatMap((tag) => {
    const origin = originAt.get(tag.start);
    const source = origin === undefined ? undefined : sourceTags[origin];
    return origin !== undefined && source ? [{ ...tag, origin, source }] : [];
  });
}

/** An MJML email refused before or during compiling: no HTML, the reasons as diagnostics. */
function notCompiled(email: EmailTemplates, expanded: ExpandedMjml, reasons: Diagnostic[]): CompiledEmail {
  return {
    bodyKind: 'mjml',
    html: '',
    source: fileTemplateSource(email.body.file, ''),
    mjml: expanded.source,
    files: expanded.files,
    diagnostics: [...expanded.diagnostics, ...reasons],
    cached: false,
  };
}

/**
 * Compiles an email body to layout HTML with personalization tags intact. MJML goes through mjml
 * once per distinct content (partials included) thanks to the cache; HTML bodies pass through.
 */
export async function compileEmail(email: EmailTemplates, options: CompileEmailOptions): Promise<CompiledEmail> {
  if (email.bodyKind === 'html') {
    return { bodyKind: 'html', html: email.body.text, source: email.body, files: [email.body.file], diagnostics: [], cached: false };
  }
  const expanded = await expandIncludes(email.body, { workspaceRoot: options.workspaceRoot });
  const mjml = expanded.source;
  // Refused before mjml runs: compiling megabytes of MJML takes seconds and hundreds of MB.
  const tooLarge = mjml.text.length > includeLimits.maxCharacters ? [templateTooLarge(email.body, includeLimits.maxCharacters)] : [];
  if (expanded.overLimit || tooLarge.length > 0) {
    return notCompiled(email, expanded, tooLarge);
  }
  const sourceTags = findPersonalizationTags(mjml.text);
  const cache = options.cache ?? sharedMjmlCache;
  let compiled: Awaited<ReturnType<MjmlCache['get']>>;
  try {
    compiled = await cache.get(cacheKey(mjml.text), () => runMjml(options.mjml ?? inProcessMjml, mjml.text, sourceTags));
  } catch (error) {
    if (!(error instanceof MjmlDeadlineError)) throw error;
    const stopped = templateDiagnostic(email.body, {
      ruleId: renderLimit.meta.id,
      offset: 0,
      message: `${error.message}; the email was not compiled`,
      hint: 'split the email or move repeated markup into fewer sections; the preview stops a compile that would freeze it',
    });
    return notCompiled(email, expanded, [stopped]);
  }
  const { output, cached } = compiled;
  const tags = compiledTags(output.html, output.tags, sourceTags);
  return {
    bodyKind: 'mjml',
    html: output.html,
    source: compiledTemplateSource(output.html, tags, mjml),
    mjml,
    files: expanded.files,
    diagnostics: [
      ...expanded.diagnostics,
      ...mjmlDiagnostics(output, mjml),
      ...(output.failure ? [] : emailTagSurvival.check({ sourceTags, compiled: tags, mjml })),
    ],
    cached,
  };
}
