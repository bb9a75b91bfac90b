import type { CompiledEmail } from '../compile-email.js';
import { parseHtml, type HtmlDocument, type HtmlElement } from '../html-elements.js';
import type { FileLocation } from '../source-map.js';
import { createElementLocator } from './element-locator.js';

/** A compiled email parsed for the checks, with the ways back to its source files. */
export interface ParsedEmail {
  /** The compiled HTML, parsed. */
  page: HtmlDocument;
  /** The MJML as compiled (partials inlined), parsed; absent for HTML bodies. */
  markup?: HtmlDocument;
  /** Where an element of the compiled HTML comes from in the source files. */
  locateElement(element: HtmlElement): FileLocation;
  /** Where an offset of `markup` comes from. */
  locateMarkup(offset: number): FileLocation;
}

const parsed = new WeakMap<CompiledEmail, ParsedEmail>();

/** The compiled email parsed once, however many checks (the email checks, the compatibility rules) read it. */
export function parsedEmail(compiled: CompiledEmail): ParsedEmail {
  let found = parsed.get(compiled);
  if (!found) {
    const page = parseHtml(compiled.html);
    const markup = compiled.mjml ? parseHtml(compiled.mjml.text) : undefined;
    found = {
      page,
      ...(markup ? { markup } : {}),
      locateElement: createElementLocator(compiled, page, markup),
      locateMarkup: (offset) => compiled.mjml?.locate(offset) ?? { file: compiled.source.file, line: 1, column: 1 },
    };
    parsed.set(compiled, found);
  }
  return found;
}
