import postcss, { type AtRule, type ChildNode } from 'postcss';
import type { HtmlDocument, HtmlElement } from '../html-elements.js';
import { findPersonalizationTags } from '../personalization-tags.js';
import type { FeatureMatchers } from './feature-matchers.js';

/** Where a usage sits: on an element's tag or attribute, in its style attribute, or in a `<style>` block. */
export type UsageSite =
  | { kind: 'element'; element: HtmlElement }
  | { kind: 'attribute'; element: HtmlElement; name: string }
  | { kind: 'inline-style'; element: HtmlElement; property: string }
  | { kind: 'style-block'; element: HtmlElement; text: string };

/** One use of a caniemail feature in the compiled HTML. */
export interface FeatureUsage {
  slug: string;
  /** Offset in the compiled HTML. */
  offset: number;
  site: UsageSite;
}

const skeletonElements = new Set(['html', 'head', 'body', 'title']);

/** `text` with personalization tags blanked to same-length filler, so CSS parses and offsets hold. */
function maskTags(text: string): string {
  let masked = '';
  let cursor = 0;
  for (const tag of findPersonalizationTags(text)) {
    masked += text.slice(cursor, tag.start) + '0'.repeat(tag.end - tag.start);
    cursor = tag.end;
  }
  return masked + text.slice(cursor);
}

/** A selector with strings, attribute brackets and pseudo-class arguments blanked, so `+` in `:nth-child(2n+1)` is no combinator. */
function selectorSkeleton(selector: string): string {
  return selector
    .replace(/"[^"]*"|'[^']*'/g, '""')
    .replace(/\[[^\]]*\]/g, '[]')
    .replace(/\([^)]*\)/g, '()');
}

function parseCss(css: string): postcss.Root | undefined {
  try {
    return postcss.parse(css);
  } catch {
    return undefined; // broken CSS: the client drops it too; nothing to check
  }
}

/** Offset of attribute `name` (lower case) in the start tag of `element`. */
export function attributeOffset(page: string, element: HtmlElement, name: string): number {
  const tag = page.slice(element.start, element.startTagEnd).toLowerCase();
  for (let at = tag.indexOf(name); at !== -1; at = tag.indexOf(name, at + 1)) {
    if (/\s/.test(tag[at - 1] ?? '') && /[\s=/>]/.test(tag[at + name.length] ?? '')) return element.start + at;
  }
  return element.start;
}

/** The declarations of an inline style with their offsets in it (`;` inside quotes or parentheses does not split). */
function inlineDeclarations(style: string): Array<{ property: string; value: string; important: boolean; offset: number }> {
  const declarations = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let index = 0; index <= style.length; index++) {
    const char = style[index];
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if ((char === ';' && depth === 0) || char === undefined) {
      const text = style.slice(start, index);
      const colon = text.indexOf(':');
      if (colon > 0) {
        const raw = text.slice(colon + 1);
        const important = /!\s*important\s*$/i.test(raw);
        declarations.push({
          property: text.slice(0, colon).trim(),
          value: raw.replace(/!\s*important\s*$/i, '').trim(),
          important,
          offset: start + text.length - text.trimStart().length,
        });
      }
      start = index + 1;
    }
  }
  return declarations;
}

/** Offset of the value of the `style` attribute, and its raw text. */
function styleAttribute(page: string, element: HtmlElement): { offset: number; text: string } | undefined {
  const tag = page.slice(element.start, element.startTagEnd);
  const match = /\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
  if (!match) return undefined;
  const text = match[1] ?? match[2] ?? '';
  return { offset: element.start + match.index + match[0].length - text.length - 1, text };
}

/** Lists every feature use in the compiled HTML: elements, attributes, inline styles and `<style>` blocks. */
export function featureUsages(page: HtmlDocument, matchers: FeatureMatchers): FeatureUsage[] {
  const text = maskTags(page.text);
  const usages: FeatureUsage[] = [];

  const declaration = (decl: { prop: string; value: string; important?: boolean }, offset: number, site: UsageSite): void => {
    const property = decl.prop.toLowerCase();
    const value = `${decl.value}${decl.important ? ' !important' : ''}`.replace(/url\([^)]*\)|"[^"]*"|'[^']*'/gi, '');
    const specific = matchers.propertyValues.filter((matcher) => matcher.property === property && matcher.value.test(decl.value.trim().toLowerCase()));
    const slugs = specific.length > 0 ? specific.map((matcher) => matcher.slug) : [...(matchers.properties.get(property) ?? [])];
    if (property.startsWith('--')) slugs.push('css-variables');
    slugs.push(...matchers.valueFeatures(value));
    for (const slug of slugs) usages.push({ slug, offset, site });
  };

  const styleBlock = (element: HtmlElement): void => {
    const base = element.startTagEnd;
    const root = parseCss(text.slice(base, element.innerEnd));
    if (!root) return;
    const at = (node: ChildNode): UsageSite => ({ kind: 'style-block', element, text: node.toString().split('{')[0]!.trim() });
    root.walk((node) => {
      const offset = base + (node.source?.start?.offset ?? 0);
      if (node.type === 'decl') declaration(node, offset, at(node));
      else if (node.type === 'atrule') {
        const name = node.name.toLowerCase();
        for (const slug of matchers.atRules.get(name) ?? []) usages.push({ slug, offset, site: at(node) });
        if (name === 'media')
          for (const matcher of matchers.mediaFeatures) if (matcher.pattern.test(node.params)) usages.push({ slug: matcher.slug, offset, site: at(node) });
      } else if (node.type === 'rule') {
        // Inside @keyframes, "from" and "50%" are keyframe selectors, not element selectors.
        if (node.parent?.type === 'atrule' && /keyframes$/i.test((node.parent as AtRule).name)) return;
        const selectors = node.selectors;
        if (selectors.length > 1) usages.push({ slug: 'css-selector-grouping', offset, site: at(node) });
        const found = new Set<string>();
        for (const selector of selectors) {
          const skeleton = selectorSkeleton(selector);
          for (const matcher of matchers.selectors) if (matcher.pattern.test(skeleton)) found.add(matcher.slug);
        }
        for (const slug of found) usages.push({ slug, offset, site: at(node) });
      }
    });
  };

  for (const element of page.elements) {
    // Every email has the skeleton, and email/lang and email/dir ask for lang and dir on <html>: caniemail's
    // notes on these (<body> becomes a <div>, lang not on <td>) are about other elements. Their styles are still checked.
    const skeleton = skeletonElements.has(element.name);
    for (const slug of skeleton ? [] : (matchers.elements.get(element.name) ?? []))
      usages.push({ slug, offset: element.start, site: { kind: 'element', element } });
    const type = element.attributes.type?.toLowerCase() ?? (element.name === 'input' ? 'text' : undefined);
    for (const slug of type ? (matchers.typedElements.get(`${element.name}[type=${type}]`) ?? []) : [])
      usages.push({ slug, offset: element.start, site: { kind: 'element', element } });
    for (const name of skeleton ? [] : Object.keys(element.attributes)) {
      for (const slug of matchers.attributes.get(name) ?? [])
        usages.push({ slug, offset: attributeOffset(page.text, element, name), site: { kind: 'attribute', element, name } });
    }
    const href = element.attributes.href?.trim() ?? '';
    if (element.name === 'a' && /^#./.test(href))
      usages.push({ slug: 'html-anchor-links', offset: attributeOffset(page.text, element, 'href'), site: { kind: 'attribute', element, name: 'href' } });
    if (element.name === 'a' && /^mailto:/i.test(href))
      usages.push({ slug: 'html-mailto-links', offset: attributeOffset(page.text, element, 'href'), site: { kind: 'attribute', element, name: 'href' } });
    if (element.name === 'meta' && /^(?:color-scheme|supported-color-schemes)$/i.test(element.attributes.name ?? '')) {
      usages.push({ slug: 'html-meta-color-scheme', offset: element.start, site: { kind: 'element', element } });
    }
    const style = styleAttribute(text, element);
    for (const decl of style ? inlineDeclarations(style.text) : []) {
      declaration({ prop: decl.property, value: decl.value, important: decl.important }, style!.offset + decl.offset, {
        kind: 'inline-style',
        element,
        property: decl.property.toLowerCase(),
      });
    }
    if (element.name === 'style') styleBlock(element);
  }
  return usages;
}
