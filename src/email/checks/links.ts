import type { HtmlDocument, HtmlElement } from '../html-elements.js';
import { findPersonalizationTags } from '../personalization-tags.js';

export interface TemplateLink {
  element: HtmlElement;
  /** The href as written in the compiled HTML (entities decoded), tags intact. */
  href: string;
  /** The href contains personalization, so only a rendering shows the real value. */
  personalized: boolean;
}

/** The links of the compiled HTML: `<a>` elements with an href (an `<a>` without one is an anchor, not a link). */
export function templateLinks(page: HtmlDocument): TemplateLink[] {
  return page.elements.flatMap((element) => {
    const href = element.attributes.href;
    if (element.name !== 'a' || href === undefined) return [];
    return [{ element, href, personalized: findPersonalizationTags(href).length > 0 }];
  });
}

/** Why `href` is not a link an email can carry (an absolute http(s) URL, mailto: or tel:), or undefined when it is fine. */
export function hrefProblem(href: string): string | undefined {
  const value = href.trim();
  if (/\s/.test(value)) return 'contains whitespace (encode it, e.g. with the url_encode filter)';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined) return 'is not an absolute URL (email links need https://…)';
  if (scheme === 'mailto') return value.length > 'mailto:'.length ? undefined : 'is a mailto: link without an address';
  if (scheme === 'tel') return /^tel:\+?[0-9][0-9().-]*$/i.test(value) ? undefined : 'is a tel: link without a valid number';
  if (scheme !== 'http' && scheme !== 'https') return `uses ${scheme}:, which email clients do not open (use https:, mailto: or tel:)`;
  if (!URL.canParse(value) || new URL(value).hostname === '') return 'is not a valid URL';
  return undefined;
}
