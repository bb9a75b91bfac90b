import { withinElement, type HtmlDocument, type HtmlElement } from './html-elements.js';

/** Inline `style` declarations as lower-case property → value. */
function declarations(style: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon > 0) result.set(declaration.slice(0, colon).trim().toLowerCase(), declaration.slice(colon + 1).trim().toLowerCase());
  }
  return result;
}

/** Hidden from the reader (the way email preheaders are hidden): `display:none`, `mso-hide:all` or `hidden`. */
export function isHidden(element: HtmlElement): boolean {
  if ('hidden' in element.attributes) return true;
  const style = declarations(element.attributes.style ?? '');
  return /^none\b/.test(style.get('display') ?? '') || style.get('mso-hide') === 'all';
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
