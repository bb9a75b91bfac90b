import path from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { positionAt } from '../diagnostics/index.js';
import { defaultRenderLimits } from '../render/index.js';
import { fileSizeLimits, readWorkspaceFile, resolveInside } from '../workspace/index.js';
import { parseHtml, withinElement, type HtmlDocument, type HtmlElement } from './html-elements.js';
import { SourceMap, type SourcePiece } from './source-map.js';
import { renderLimit } from '../render/rules/index.js';
import { workspaceMissingFile, workspacePath } from '../workspace/rules/index.js';
import { syntaxMjml } from './rules/syntax-mjml.js';

/**
 * MJML components whose content mjml copies as raw HTML (`endingTag` components in mjml 5):
 * an `<mj-include>` written inside one of them is text, not an include.
 */
const rawContentTags = new Set([
  'mj-accordion-text',
  'mj-accordion-title',
  'mj-breakpoint',
  'mj-button',
  'mj-carousel-image',
  'mj-navbar-link',
  'mj-preview',
  'mj-raw',
  'mj-social-element',
  'mj-style',
  'mj-table',
  'mj-text',
  'mj-title',
]);

export interface ExpandedMjml {
  /** The MJML to compile (every mj-include replaced by its partial), mapped back to the files it came from. */
  source: SourceMap;
  /** Every file read: the body first, then its partials. */
  files: string[];
  diagnostics: Diagnostic[];
  /** A limit stopped the expansion: the MJML is incomplete and must not be compiled. */
  overLimit: boolean;
}

/**
 * Bounds on what includes may expand to, counted as they are expanded: a partial that includes
 * the next one twice doubles the document at every level (depth 16: 65 536 copies).
 */
export const includeLimits = Object.freeze({
  /** Includes expanded in one email, counting each repetition. */
  maxIncludes: 500,
  /** Includes within includes. */
  maxDepth: 20,
  /** Characters of the expanded MJML: the template size limit of the renderers. */
  maxCharacters: defaultRenderLimits.maxTemplateLength,
});

export interface ExpandIncludesOptions {
  /** Includes may not leave this folder (by `../`, absolute path or symlink). */
  workspaceRoot: string;
}

interface MjmlFile {
  file: string;
  text: string;
  document: HtmlDocument;
}

interface Expansion {
  options: ExpandIncludesOptions;
  files: string[];
  diagnostics: Diagnostic[];
  /** Pieces that belong in the document's `<mj-head>`: heads of full-document partials, CSS includes. */
  head: SourcePiece[];
  /** Each partial read once, however often it is included. */
  read: Map<string, MjmlFile>;
  includes: number;
  characters: number;
  overLimit: boolean;
}

function mjmlFile(file: string, text: string): MjmlFile {
  return { file, text, document: parseHtml(text, { decodeEntities: false }) };
}

function slice(source: MjmlFile, start: number, end: number): SourcePiece {
  return { text: source.text.slice(start, end), file: source.file, fileText: source.text, fileOffset: start };
}

/** Markup txkit writes around an include, placed (for positions) at the include tag. */
function synthetic(source: MjmlFile, include: HtmlElement, text: string): SourcePiece {
  return { text, file: source.file, fileText: source.text, fileOffset: include.start, synthetic: true };
}

function includeDiagnostic(source: MjmlFile, include: HtmlElement, problem: Pick<Diagnostic, 'ruleId' | 'message'> & { hint?: string }): Diagnostic {
  const start = positionAt(source.text, include.start);
  const end = positionAt(source.text, include.startTagEnd);
  return { severity: 'error', file: source.file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, ...problem };
}

function childOf(document: HtmlDocument, parent: HtmlElement, name: string): HtmlElement | undefined {
  const parentIndex = document.elements.indexOf(parent);
  return document.elements.find((element) => element.name === name && element.parent === parentIndex);
}

/** The mj-include elements of [from, to) that mjml would act on. */
function includesWithin(source: MjmlFile, from: number, to: number): HtmlElement[] {
  const { elements } = source.document;
  return elements.filter(
    (element) =>
      element.name === 'mj-include' &&
      element.start >= from &&
      element.startTagEnd <= to &&
      !withinElement(source.document, element.parent, (ancestor) => rawContentTags.has(ancestor.name) || ancestor.name === 'mj-include'),
  );
}

/** Reads the partial an include names, or reports why it cannot (never reading outside the workspace). */
async function readPartial(expansion: Expansion, source: MjmlFile, include: HtmlElement, stack: readonly string[]): Promise<MjmlFile | undefined> {
  const reference = include.attributes.path;
  if (!reference) {
    expansion.diagnostics.push(includeDiagnostic(source, include, { ruleId: syntaxMjml.meta.id, message: 'mj-include needs a path attribute' }));
    return undefined;
  }
  const confined = resolveInside(expansion.options.workspaceRoot, path.dirname(source.file), reference);
  if (confined.problem !== undefined) {
    expansion.diagnostics.push(
      includeDiagnostic(source, include, {
        ruleId: workspacePath.meta.id,
        message: `mj-include: ${confined.problem}`,
        hint: 'keep shared partials inside the workspace, e.g. templates/_partials/',
      }),
    );
    return undefined;
  }
  if (stack.includes(confined.path)) {
    expansion.diagnostics.push(
      includeDiagnostic(source, include, { ruleId: syntaxMjml.meta.id, message: `mj-include: "${reference}" includes itself (circular include)` }),
    );
    return undefined;
  }
  const partial = expansion.read.get(confined.path) ?? (await readPartialFile(expansion, source, include, reference, confined.path));
  if (!partial) return undefined;
  const limit =
    stack.length > includeLimits.maxDepth
      ? `includes are nested more than ${includeLimits.maxDepth} deep`
      : expansion.includes + 1 > includeLimits.maxIncludes
        ? `more than ${includeLimits.maxIncludes} includes`
        : expansion.characters + partial.text.length > includeLimits.maxCharacters
          ? `the includes expand to more than ${includeLimits.maxCharacters} characters`
          : undefined;
  if (limit !== undefined) {
    expansion.overLimit = true;
    expansion.diagnostics.push(
      includeDiagnostic(source, include, {
        ruleId: renderLimit.meta.id,
        message: `mj-include: ${limit}; the email was not compiled`,
        hint: 'include each partial once; a partial that includes another several times multiplies at every level',
      }),
    );
    return undefined;
  }
  expansion.includes++;
  expansion.characters += partial.text.length;
  return partial;
}

async function readPartialFile(expansion: Expansion, source: MjmlFile, include: HtmlElement, reference: string, file: string): Promise<MjmlFile | undefined> {
  const read = await readWorkspaceFile(file, { root: expansion.options.workspaceRoot, maxBytes: fileSizeLimits.template });
  if (read.diagnostic) {
    const { ruleId, message, hint } = read.diagnostic;
    expansion.diagnostics.push(
      message === 'file not found'
        ? includeDiagnostic(source, include, {
            ruleId: workspaceMissingFile.meta.id,
            message: `mj-include: "${reference}" not found`,
            hint: 'fix the path; it is relative to this file',
          })
        : // A refused file is reported at the include that names it; a broken one at its own bad line.
          ruleId === workspacePath.meta.id
          ? includeDiagnostic(source, include, { ruleId, message: `mj-include: "${reference}": ${message}`, ...(hint ? { hint } : {}) })
          : read.diagnostic,
    );
    return undefined;
  }
  if (!expansion.files.includes(file)) expansion.files.push(file);
  const partial = mjmlFile(file, read.text.replace(/^\uFEFF/, ''));
  expansion.read.set(file, partial);
  return partial;
}

/** What replaces one include, the way mjml 5 would place it (see mjml-parser-xml). */
async function expandInclude(expansion: Expansion, source: MjmlFile, include: HtmlElement, stack: readonly string[]): Promise<SourcePiece[]> {
  const partial = await readPartial(expansion, source, include, stack);
  if (!partial) return [];
  const whole = slice(partial, 0, partial.text.length);
  const type = include.attributes.type;
  if (type === 'css') {
    const inline = include.attributes['css-inline'] === 'inline' ? ' inline="inline"' : '';
    expansion.head.push(synthetic(source, include, `<mj-style${inline}>`), whole, synthetic(source, include, '</mj-style>'));
    return [];
  }
  if (type === 'html') return [synthetic(source, include, '<mj-raw>'), whole, synthetic(source, include, '</mj-raw>')];
  const nested = [...stack, partial.file];
  const root = partial.document.elements.find((element) => element.name === 'mjml' && element.parent === undefined);
  if (!root) return expandRange(expansion, partial, 0, partial.text.length, nested);
  // A full document: its body goes where the include is, its head joins the document's head.
  const head = childOf(partial.document, root, 'mj-head');
  if (head) expansion.head.push(...(await expandRange(expansion, partial, head.startTagEnd, head.innerEnd, nested)));
  const body = childOf(partial.document, root, 'mj-body');
  return body ? expandRange(expansion, partial, body.startTagEnd, body.innerEnd, nested) : [];
}

async function expandRange(expansion: Expansion, source: MjmlFile, from: number, to: number, stack: readonly string[]): Promise<SourcePiece[]> {
  const pieces: SourcePiece[] = [];
  let cursor = from;
  for (const include of includesWithin(source, from, to)) {
    if (expansion.overLimit) break;
    pieces.push(slice(source, cursor, include.start), ...(await expandInclude(expansion, source, include, stack)));
    // mjml keeps what an explicitly closed <mj-include>…</mj-include> encloses, and drops the tags.
    const closed = include.end > include.startTagEnd && include.end <= to;
    if (closed) pieces.push(slice(source, include.startTagEnd, include.innerEnd));
    cursor = closed ? include.end : include.startTagEnd;
  }
  pieces.push(slice(source, cursor, to));
  return pieces;
}

/**
 * Inlines every `<mj-include>` of an MJML body (recursively, relative to the including file),
 * confined to the workspace, so the compile reads exactly the files the cache key covers and
 * every offset of the result can be traced to its file. mjml then compiles with includes off.
 */
export async function expandIncludes(body: { file: string; text: string }, options: ExpandIncludesOptions): Promise<ExpandedMjml> {
  const expansion: Expansion = {
    options,
    files: [body.file],
    diagnostics: [],
    head: [],
    read: new Map(),
    includes: 0,
    characters: body.text.length,
    overLimit: false,
  };
  const root = mjmlFile(body.file, body.text);
  const mjml = root.document.elements.find((element) => element.name === 'mjml' && element.parent === undefined);
  const head = mjml ? childOf(root.document, mjml, 'mj-head') : undefined;
  const headHasEndTag = head !== undefined && head.end > head.startTagEnd;
  // Where partials' head content goes: before </mj-head>, else in a new mj-head after <mjml>.
  const headAt = headHasEndTag ? head.innerEnd : (mjml?.startTagEnd ?? 0);
  const stack = [body.file];
  const before = await expandRange(expansion, root, 0, headAt, stack);
  const after = await expandRange(expansion, root, headAt, root.text.length, stack);
  let headPieces = expansion.head;
  if (headPieces.length > 0 && !headHasEndTag) {
    const at = mjml ?? { start: 0 };
    const wrap = (text: string): SourcePiece => ({ text, file: root.file, fileText: root.text, fileOffset: at.start, synthetic: true });
    headPieces = [wrap('<mj-head>'), ...headPieces, wrap('</mj-head>')];
  }
  return {
    source: new SourceMap([...before, ...headPieces, ...after], body.file),
    files: expansion.files,
    diagnostics: expansion.diagnostics,
    overLimit: expansion.overLimit,
  };
}
