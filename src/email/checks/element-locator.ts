import type { CompiledEmail } from '../compile-email.js';
import type { HtmlDocument, HtmlElement } from '../html-elements.js';
import { findPersonalizationTags } from '../personalization-tags.js';
import type { FileLocation } from '../source-map.js';

/** Attributes mjml copies from a component to the HTML it writes (mj-button href → a href, mj-image src → img src). */
const copiedAttributes = ['href', 'src'] as const;

function groupBy(elements: readonly HtmlElement[], keysOf: (element: HtmlElement) => string[]): Map<string, HtmlElement[]> {
  const groups = new Map<string, HtmlElement[]>();
  for (const element of elements) {
    for (const key of keysOf(element)) groups.set(key, [...(groups.get(key) ?? []), element]);
  }
  return groups;
}

function keysOf(document: HtmlDocument): (element: HtmlElement) => string[] {
  return (element) => [
    `tag:${document.text.slice(element.start, element.startTagEnd)}`,
    ...copiedAttributes.flatMap((name) => (element.attributes[name] ? [`${name}:${element.attributes[name]}`] : [])),
  ];
}

/** Where an offset of the compiled source lies: its own file (a partial), else the email's source file. */
export function locateCompiled(compiled: CompiledEmail, offset: number): FileLocation {
  const location = compiled.source.locate(offset);
  return { file: location.file ?? compiled.source.file, line: location.line, column: location.column };
}

/**
 * Maps an element of the compiled HTML to where it is written in the source. For an HTML body
 * the compiled HTML is the source. For MJML, in order of precision: a personalization tag in the
 * element's start tag (traced exactly); the same start tag written verbatim in the MJML (raw HTML
 * in mj-text, mj-raw, …); the MJML element with the same href/src (mj-button, mj-image). The n-th
 * compiled copy goes with the n-th source one. Markup mjml generated itself points at <mjml>.
 */
export function createElementLocator(compiled: CompiledEmail, page: HtmlDocument, markup: HtmlDocument | undefined): (element: HtmlElement) => FileLocation {
  const atCompiled = (offset: number) => locateCompiled(compiled, offset);
  const mjml = compiled.mjml;
  if (!mjml || !markup) return (element) => atCompiled(element.start);
  const tags = findPersonalizationTags(page.text);
  const pageKeys = keysOf(page);
  const pageGroups = groupBy(page.elements, pageKeys);
  const markupGroups = groupBy(markup.elements, keysOf(markup));
  const root = markup.elements.find((element) => element.name === 'mjml');
  return (element) => {
    const tag = tags.find((candidate) => candidate.start >= element.start && candidate.start < element.startTagEnd);
    if (tag) return atCompiled(tag.start);
    for (const key of pageKeys(element)) {
      const sources = markupGroups.get(key);
      if (!sources) continue;
      const copy = pageGroups.get(key)!.indexOf(element);
      return mjml.locate(sources[Math.min(copy, sources.length - 1)]!.start);
    }
    return mjml.locate(root?.start ?? 0);
  };
}
