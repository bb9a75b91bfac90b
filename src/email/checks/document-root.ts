import type { HtmlElement } from '../html-elements.js';
import type { FileLocation } from '../source-map.js';
import type { EmailCheckInput } from './email-rule.js';

export interface DocumentRoot {
  /** `mjml` or `html`. */
  tag: string;
  element?: HtmlElement;
  location: FileLocation;
}

/** The element that declares the document's language and direction: `<mjml>` (mjml copies them to `<html>`), else `<html>`. */
export function documentRoot(input: EmailCheckInput): DocumentRoot {
  if (input.markup) {
    const element = input.markup.elements.find((candidate) => candidate.name === 'mjml');
    return { tag: 'mjml', ...(element ? { element } : {}), location: input.locateMarkup(element?.start ?? 0) };
  }
  const element = input.page.elements.find((candidate) => candidate.name === 'html');
  return {
    tag: 'html',
    ...(element ? { element } : {}),
    location: element ? input.locateElement(element) : { file: input.compiled.source.file, line: 1, column: 1 },
  };
}
