import { Parser } from 'htmlparser2';

/** One element of an HTML (or MJML) document, with the offsets of its markup. */
export interface HtmlElement {
  /** Lower-case tag name. */
  name: string;
  /** Lower-case attribute names, as HTML treats them. */
  attributes: Readonly<Record<string, string>>;
  /** Offset of the start tag's `<`. */
  start: number;
  /** Offset just past the start tag's `>`. */
  startTagEnd: number;
  /** Offset of the end tag's `<` (= startTagEnd for void, self-closed or unclosed elements). */
  innerEnd: number;
  /** Offset just past the end tag (= startTagEnd when there is none). */
  end: number;
  /** Index of the parent element in `elements`. */
  parent: number | undefined;
}

export interface HtmlText {
  start: number;
  end: number;
  text: string;
  /** Index of the enclosing element. */
  parent: number | undefined;
}

export interface HtmlDocument {
  text: string;
  /** Every element in document order (start tags). */
  elements: HtmlElement[];
  texts: HtmlText[];
  /** Offset of the first `<!--` that is never closed: HTML parsers then read the rest of the document as the comment. */
  unclosedComment?: number;
}

export interface ParseHtmlOptions {
  /** Decode entities in attribute values and text (on for checks; off to see markup as written). */
  decodeEntities?: boolean;
}

/**
 * Parses HTML (or MJML, which htmlparser2 reads as HTML with custom tags, as mjml itself does)
 * into a flat element list with source offsets. Forgiving like a browser: it never throws.
 */
export function parseHtml(text: string, options: ParseHtmlOptions = {}): HtmlDocument {
  const elements: HtmlElement[] = [];
  const texts: HtmlText[] = [];
  const open: number[] = [];
  let unclosedComment: number | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const index = elements.length;
        elements.push({
          name,
          attributes,
          start: parser.startIndex,
          startTagEnd: parser.endIndex + 1,
          innerEnd: parser.endIndex + 1,
          end: parser.endIndex + 1,
          parent: open.at(-1),
        });
        open.push(index);
      },
      onclosetag(_name, isImplied) {
        const index = open.pop();
        if (index === undefined) return;
        const element = elements[index]!;
        // Implied ends (void elements, `/>`, unclosed tags) have no end tag of their own.
        if (!isImplied) {
          element.innerEnd = parser.startIndex;
          element.end = parser.endIndex + 1;
        }
      },
      oncomment() {
        if (unclosedComment === undefined && !text.startsWith('-->', parser.endIndex - 2)) unclosedComment = parser.startIndex;
      },
      ontext(data) {
        texts.push({ start: parser.startIndex, end: parser.endIndex + 1, text: data, parent: open.at(-1) });
      },
    },
    { decodeEntities: options.decodeEntities ?? true, recognizeSelfClosing: true, lowerCaseAttributeNames: true },
  );
  parser.end(text);
  return { text, elements, texts, ...(unclosedComment === undefined ? {} : { unclosedComment }) };
}

/** True when the element at `index`, or one of its ancestors, matches. */
export function withinElement(document: HtmlDocument, index: number | undefined, matches: (element: HtmlElement) => boolean): boolean {
  for (let current = index; current !== undefined; current = document.elements[current]!.parent) {
    if (matches(document.elements[current]!)) return true;
  }
  return false;
}

/** An inline `style` attribute's declarations as lower-case property → value (trimmed, as written); a later one wins. */
export function styleDeclarations(style: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon > 0) result.set(declaration.slice(0, colon).trim().toLowerCase(), declaration.slice(colon + 1).trim());
  }
  return result;
}
