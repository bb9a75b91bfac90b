import { parseHtml, withinElement, type HtmlDocument } from './html-elements.js';
import { isInHiddenElement } from './hidden-elements.js';

/** Elements whose text is never shown, so it cannot be the first thing an inbox previews. */
const nonContent = new Set(['style', 'script', 'title', 'head']);

function bodyOf(document: HtmlDocument): number | undefined {
  const index = document.elements.findIndex((element) => element.name === 'body');
  return index === -1 ? undefined : index;
}

/**
 * True when the body opens with hidden text (an `mj-preview`, or a hand-written hidden
 * preheader): the first text of the body a reader could get is inside a hidden element.
 */
export function hasHiddenPreheader(document: HtmlDocument): boolean {
  const hasBody = bodyOf(document) !== undefined;
  const first = document.texts.find(
    (text) =>
      text.text.trim() !== '' &&
      (!hasBody || withinElement(document, text.parent, (element) => element.name === 'body')) &&
      !withinElement(document, text.parent, (element) => nonContent.has(element.name)),
  );
  return first !== undefined && isInHiddenElement(document, first.parent);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The usual hidden-preheader markup: invisible in the body, shown by inboxes next to the subject. */
function preheaderMarkup(preheader: string): string {
  return `<div style="display:none;font-size:1px;color:#ffffff;line-height:1px;max-height:0px;max-width:0px;opacity:0;overflow:hidden;mso-hide:all;">${escapeHtml(preheader)}</div>`;
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
  const at = body === undefined ? 0 : document.elements[body]!.startTagEnd;
  return `${html.slice(0, at)}${preheaderMarkup(preheader)}${html.slice(at)}`;
}
