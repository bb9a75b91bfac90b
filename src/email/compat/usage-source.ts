import { locateCompiled } from '../checks/element-locator.js';
import type { CompiledEmail } from '../compile-email.js';
import type { HtmlDocument, HtmlElement } from '../html-elements.js';
import type { FileLocation } from '../source-map.js';
import { attributeOffset, type FeatureUsage } from './feature-usages.js';

export interface UsageSourceInput {
  compiled: CompiledEmail;
  page: HtmlDocument;
  markup?: HtmlDocument;
  locateElement(element: HtmlElement): FileLocation;
  locateMarkup(offset: number): FileLocation;
}

const key = (location: FileLocation) => `${location.file}:${location.line}:${location.column}`;

/**
 * Where the author wrote what a feature usage came from, or undefined when MJML wrote it.
 *
 * An HTML body is its own source. For MJML, a usage is the author's when it sits in HTML
 * written verbatim in the MJML (mj-text, mj-raw: traced to the very character), in an
 * attribute the author set on the component (mj-button border-radius="8px" → the
 * border-radius MJML writes on the button), or in mj-style CSS. Everything else (the
 * skeleton, column divs, Outlook tables, MJML's default styles and its own `<style>` blocks)
 * is MJML's output, written with its fallbacks: not the author's to fix, so not reported.
 */
export function usageSource(input: UsageSourceInput): (usage: FeatureUsage) => FileLocation | undefined {
  const { compiled, page, markup } = input;
  if (!compiled.mjml || !markup) {
    return (usage) => locateCompiled(compiled, usage.offset);
  }
  const startTag = (document: HtmlDocument, element: HtmlElement) => document.text.slice(element.start, element.startTagEnd);
  const verbatim = new Map<string, HtmlElement[]>();
  const components = new Map<string, HtmlElement>();
  for (const element of markup.elements) {
    if (element.name.startsWith('mj-')) components.set(key(input.locateMarkup(element.start)), element);
    else if (element.name !== 'mjml') verbatim.set(startTag(markup, element), [...(verbatim.get(startTag(markup, element)) ?? []), element]);
  }
  const copies = new Map<HtmlElement, number>();
  const seen = new Map<string, number>();
  for (const element of page.elements) {
    const tag = startTag(page, element);
    copies.set(element, seen.get(tag) ?? 0);
    seen.set(tag, (seen.get(tag) ?? 0) + 1);
  }
  const styles = markup.elements.filter((element) => element.name === 'mj-style');

  return (usage) => {
    const { site } = usage;
    if (site.kind === 'style-block') {
      for (const style of styles) {
        const at = markup.text.slice(style.startTagEnd, style.innerEnd).indexOf(site.text);
        if (at !== -1) return input.locateMarkup(style.startTagEnd + at);
      }
      return undefined;
    }
    const { element } = site;
    if (element.name === 'style' && site.kind === 'element') {
      const style = styles.find((candidate) => candidate.attributes.inline !== 'inline');
      return style ? input.locateMarkup(style.start) : undefined;
    }
    const sources = verbatim.get(startTag(page, element));
    if (sources) {
      const source = sources[Math.min(copies.get(element) ?? 0, sources.length - 1)]!;
      return input.locateMarkup(source.start + (usage.offset - element.start));
    }
    if (site.kind === 'element') return undefined;
    const component = components.get(key(input.locateElement(element)));
    const name = site.kind === 'attribute' ? site.name : site.property;
    if (!component || !(name in component.attributes)) return undefined;
    return input.locateMarkup(attributeOffset(markup.text, component, name));
  };
}
