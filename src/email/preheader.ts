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

/**
 * `injectPreheader` needs only the HTML up to the body's first shown text. When that much of the
 * template is static text, every personalized HTML starts with it and the placement is decided here
 * once (each render checks that its HTML does start with it); otherwise each render parses only
 * about as far as that text is in the template, and the whole HTML when that does not settle it.
 */
export function preheaderInjector(template: string): PreheaderInjector {
  const prefix = staticPrefix(template);
  const fixed = placementIn(prefix);
  const firstText = firstShownText(parseHtml(template));
  const reach = firstText === undefined ? 0 : firstText.end + partialParseSlack;
  return (html, preheader) => {
    if (preheader.trim() === '') return html;
    const placement = fixed && startsWith(html, prefix) ? fixed : reach < html.length ? placementIn(html.slice(0, reach)) : undefined;
    if (!placement) return injectPreheader(html, preheader);
    return placement.at === undefined ? html : insertAt(html, placement.at, preheader);
  };
}
