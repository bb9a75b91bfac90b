import { parseHtml, withinElement, type HtmlDocument, type HtmlText } from './html-elements.js';
import { isInHiddenElement } from './hidden-elements.js';

/** Elements whose text is never shown, so it cannot be the first thing an inbox previews. */
const nonContent = new Set(['style', 'script', 'title', 'head']);

function bodyOf(document: HtmlDocument): number | undefined {
  const index = document.elements.findIndex((element) => element.name === 'body');
  return index === -1 ? undefined : index;
}

/** The first text of the body a reader could get (outside `<head>`, `<style>`, …), if any. */
function firstShownText(document: HtmlDocument): HtmlText | undefined {
  const hasBody = bodyOf(document) !== undefined;
  return document.texts.find(
    (text) =>
      text.text.trim() !== '' &&
      (!hasBody || withinElement(document, text.parent, (element) => element.name === 'body')) &&
      !withinElement(document, text.parent, (element) => nonContent.has(element.name)),
  );
}

/**
 * True when the body opens with hidden text (an `mj-preview`, or a hand-written hidden
 * preheader): the first text of the body a reader could get is inside a hidden element.
 */
export function hasHiddenPreheader(document: HtmlDocument): boolean {
  const first = firstShownText(document);
  return first !== undefined && isInHiddenElement(document, first.parent);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The usual hidden-preheader markup: invisible in the body, shown by inboxes next to the subject. */
function preheaderMarkup(preheader: string): string {
  return `<div style="display:none;font-size:1px;color:#ffffff;line-height:1px;max-height:0px;max-width:0px;opacity:0;overflow:hidden;mso-hide:all;">${escapeHtml(preheader)}</div>`;
}

function insertAt(html: string, at: number, preheader: string): string {
  return `${html.slice(0, at)}${preheaderMarkup(preheader)}${html.slice(at)}`;
}

/**
 * Puts `preheader` right after `<body…>` (or at the start of a fragment) unless the HTML already
 * carries a hidden preheader of its own, which inboxes would show instead.
 */
export function injectPreheader(html: string, preheader: string): string {
  if (preheader.trim() === '') return html;
  const document = parseHtml(html);
  if (hasHiddenPreheader(document)) return html;
  const body = bodyOf(document);
  return insertAt(html, body === undefined ? 0 : document.elements[body]!.startTagEnd, preheader);
}

/** `injectPreheader` for every HTML a template renders: what it needs is decided once, from the template. */
export type PreheaderInjector = (html: string, preheader: string) => string;

/**
 * The template's text before its first tag (`{{`, `{%`, with a `\` escaping it), less the
 * whitespace a tag may trim (`{{~`, `{%-`, a standalone Handlebars block): every render prints it as it is.
 */
function staticPrefix(template: string): string {
  const tag = /\\*(?:\{\{|\{%)/.exec(template);
  return tag ? template.slice(0, tag.index).trimEnd() : template;
}

/**
 * `html.startsWith(prefix)`, for a prefix of kilobytes: V8's startsWith can compare them a
 * character at a time (~4 ns each, 20 µs for a 5 KB head of an email), string equality compares memory.
 */
function startsWith(html: string, prefix: string): boolean {
  return html.length >= prefix.length && html.slice(0, prefix.length) === prefix;
}

/** Where the preheader goes (`at`, or nowhere for a body with its own), when this much HTML settles it. */
interface Placement {
  at: number | undefined;
}

/**
 * Decides `injectPreheader`'s placement from the first `html.length` characters of a longer HTML:
 * parsing a prefix gives the same elements and texts as parsing the whole up to where it stops, so
 * the answer holds once the prefix has `<body…>` and the start of the body's first shown text (a
 * literal character, not an entity the rest could change).
 */
function placementIn(html: string): Placement | undefined {
  const document = parseHtml(html);
  const body = bodyOf(document);
  const first = firstShownText(document);
  if (body === undefined || first === undefined || !/^\s*[^\s&]/.test(html.slice(first.start, first.end))) return undefined;
  return { at: isInHiddenElement(document, first.parent) ? undefined : document.elements[body]!.startTagEnd };
}

/** Characters past the template's first shown text that a partial parse also reads, for what renders before it. */
const partialParseSlack = 512;

/** The start of the template's first tag at or after `from` (see staticPrefix), or its length. */
function nextTag(template: string, from: number): number {
  const tag = /\\*(?:\{\{|\{%)/g;
  tag.lastIndex = from;
  return tag.exec(template)?.index ?? template.length;
}

/**
 * Where a tag prints without changing anything the placement reads, as long as what it prints
 * lacks one character: the content of a `<title>` (htmlparser2 reads it as text up to `</title`:
 * a `<`), or a double-quoted attribute value other than `style` and `hidden` (a `"`).
 */
type HoleEnd = '<' | '"';

/** Attributes whose values a placement reads (isHidden). */
const readAttributes = new Set(['style', 'hidden']);

/**
 * The double-quoted attribute values of a plainly written start tag (`text` from its `<` to its
 * `>`): `[name, first offset, end offset]`, offsets in `text`. Undefined for anything unusual (an
 * empty name, a stray quote) rather than guess how a parser reads it.
 */
function quotedValues(text: string): [string, number, number][] | undefined {
  const attribute = /\s+([A-Za-z_:@][-\w:.@]*)(?:\s*=\s*(?:"([^"]*)"|'[^']*'|[^\s"'=<>`]+))?/y;
  const values: [string, number, number][] = [];
  const name = /^<[A-Za-z][^\s/>]*/.exec(text);
  if (!name) return undefined;
  for (let at = name[0].length; !/^\s*\/?>$/.test(text.slice(at)); at = attribute.lastIndex) {
    attribute.lastIndex = at;
    const match = attribute.exec(text);
    if (!match) return undefined;
    if (match[2] !== undefined) {
      const end = attribute.lastIndex - 1;
      values.push([match[1]!.toLowerCase(), end - match[2].length, end]);
    }
  }
  return values;
}

/** The character that would end a hole starting at `offset` of the template (see HoleEnd), or undefined when printed text could change the placement there. */
function holeEnd(document: HtmlDocument, offset: number): HoleEnd | undefined {
  const inStartTag = document.elements.find((element) => element.start < offset && offset < element.startTagEnd);
  if (inStartTag) {
    const at = offset - inStartTag.start;
    const value = quotedValues(document.text.slice(inStartTag.start, inStartTag.startTagEnd))?.find(([, first, end]) => first <= at && at <= end);
    return value && !readAttributes.has(value[0]) ? '"' : undefined;
  }
  const title = document.elements.find((element) => element.name === 'title' && element.startTagEnd <= offset && offset < element.innerEnd);
  // In SVG or MathML a title is an ordinary element.
  if (!title || withinElement(document, title.parent, (element) => element.name === 'svg' || element.name === 'math')) return undefined;
  return '<';
}

/** The template's static text from a hole's end to its next tag: every render prints it after what the hole printed. */
interface StaticRun {
  /** What the hole's printed text cannot hold: the first such character in a render ends it. */
  end: HoleEnd;
  text: string;
  /** Offset of `text` in `StaticShape.shape`. */
  offset: number;
}

/**
 * The template seen as its static prefix, then holes (tags and text without their HoleEnd
 * character) each followed by a static run, up to where the placement is settled.
 */
interface StaticShape {
  runs: StaticRun[];
  /** The placement in the prefix followed by the runs. */
  placement: Placement;
}

/** Holes a template may have before its first shown text for its placement to be decided once. */
const maxHoles = 16;

/**
 * Compiled emails print tags before the body's first shown text: the subject in `<title>`, an
 * `aria-label`. What they print there changes no element, no style and no shown text as long as
 * it lacks the character that ends its place (HoleEnd). HTML made of the prefix, then for each
 * hole text without that character followed by the run, therefore parses, up to the last run, as
 * the prefix and the runs alone do, with offsets shifted by what the holes printed. When the
 * prefix and runs settle the placement, it is decided here once; undefined otherwise.
 */
function staticShape(template: string, prefix: string, document: HtmlDocument): StaticShape | undefined {
  const runs: StaticRun[] = [];
  let shape = prefix;
  let hole = prefix.length;
  for (let index = 0; index < maxHoles; index++) {
    const end = holeEnd(document, hole);
    const start = end === undefined ? -1 : template.indexOf(end, hole);
    if (end === undefined || start === -1) return undefined;
    const text = template.slice(start, nextTag(template, start)).trimEnd();
    runs.push({ end, text, offset: shape.length });
    shape += text;
    const placement = placementIn(shape);
    if (placement) return { runs, placement };
    hole = start + text.length;
  }
  return undefined;
}

/** `shape`'s placement for `html` (which starts with `prefix`), when `html` has that shape; undefined otherwise. */
function shapedPlacement(html: string, prefix: string, { runs, placement }: StaticShape): Placement | undefined {
  let cursor = prefix.length;
  const shifts: number[] = [];
  for (const run of runs) {
    const at = html.indexOf(run.end, cursor);
    if (at === -1 || html.slice(at, at + run.text.length) !== run.text) return undefined;
    shifts.push(at - run.offset);
    cursor = at + run.text.length;
  }
  if (placement.at === undefined) return placement;
  const at = placement.at;
  // `at` is just past the body's start tag: shifted as the run holding its `>`.
  const holding = runs.findLastIndex((run) => run.offset < at);
  return { at: holding === -1 ? at : at + shifts[holding]! };
}

/**
 * `injectPreheader` needs only the HTML up to the body's first shown text. When that much of the
 * template is static text, every personalized HTML starts with it and the placement is decided here
 * once (each render checks that its HTML does start with it); so it is when the static text is
 * interrupted only by tags printing where they cannot change it (staticShape); otherwise each render
 * parses only about as far as that text is in the template, and the whole HTML when that does not
 * settle it.
 */
export function preheaderInjector(template: string): PreheaderInjector {
  const prefix = staticPrefix(template);
  const fixed = placementIn(prefix);
  const document = parseHtml(template);
  const shape = fixed ? undefined : staticShape(template, prefix, document);
  const firstText = firstShownText(document);
  const reach = firstText === undefined ? 0 : firstText.end + partialParseSlack;
  return (html, preheader) => {
    if (preheader.trim() === '') return html;
    const shaped = shape && startsWith(html, prefix) ? shapedPlacement(html, prefix, shape) : undefined;
    const placement =
      (fixed && startsWith(html, prefix) ? fixed : undefined) ?? shaped ?? (reach < html.length ? placementIn(html.slice(0, reach)) : undefined);
    if (!placement) return injectPreheader(html, preheader);
    return placement.at === undefined ? html : insertAt(html, placement.at, preheader);
  };
}
