import { styleDeclarations, withinElement, type HtmlDocument, type HtmlElement } from './html-elements.js';

/** Hidden from the reader (the way email preheaders are hidden): `display:none`, `mso-hide:all` or `hidden`. */
export function isHidden(element: HtmlElement): boolean {
  if ('hidden' in element.attributes) return true;
  const style = styleDeclarations(element.attributes.style ?? '');
  return /^none\b/i.test(style.get('display') ?? '') || style.get('mso-hide')?.toLowerCase() === 'all';
}

/** Hidden itself or inside a hidden element. */
export function isInHiddenElement(document: HtmlDocument, index: number | undefined): boolean {
  return withinElement(document, index, isHidden);
}

/** `html` without its hidden elements (their markup and content), e.g. before making a text version. */
export function withoutHiddenElements(document: HtmlDocument): string {
  let result = '';
  let cursor = 0;
  for (const element of document.elements) {
    if (element.start < cursor || !isHidden(element)) continue;
    result += document.text.slice(cursor, element.start);
    cursor = element.end;
  }
  return result + document.text.slice(cursor);
}
