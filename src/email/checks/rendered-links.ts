import { contextOf } from '../../render/render-template.js';
import { engineFor, type Engines } from '../../render/index.js';
import type { Engine, Sample } from '../../workspace/index.js';
import { parseHtml, type HtmlDocument } from '../html-elements.js';
import { findPersonalizationTags } from '../personalization-tags.js';
import type { RenderedLink } from './email-rule.js';
import { templateLinks } from './links.js';

const probeAttribute = 'data-txkit-link';

/**
 * Renders the personalized hrefs of a compiled email per sample and says which `<a>` of the
 * compiled HTML each came from, even inside loops and conditions: each such `<a>` gets a
 * numbered attribute, the marked template renders like the real one, and the attribute
 * survives into the output. Returns a function of the sample (the template is parsed once).
 */
export function renderedLinks(page: HtmlDocument, engine: Engine, engines: Engines): (sample: Sample) => RenderedLink[] {
  const tags = findPersonalizationTags(page.text);
  const insideTag = (offset: number) => tags.some((tag) => tag.start < offset && offset < tag.end);
  const links = templateLinks(page).filter((link) => link.personalized && !insideTag(link.element.start));
  if (links.length === 0) return () => [];
  let marked = '';
  let cursor = 0;
  links.forEach((link, index) => {
    const afterName = link.element.start + 1 + link.element.name.length;
    marked += `${page.text.slice(cursor, afterName)} ${probeAttribute}="${index}"`;
    cursor = afterName;
  });
  marked += page.text.slice(cursor);
  // Positions do not matter here: the real render of the same template reports its problems.
  const { template } = engineFor(engines, engine).compile({ file: '', text: marked, locate: () => ({ line: 1, column: 1 }) });
  if (!template) return () => [];
  return (sample) => {
    const { output } = template.render(contextOf(sample), { strict: false });
    return parseHtml(output).elements.flatMap((element) => {
      const link = links[Number(element.attributes[probeAttribute] ?? -1)];
      return element.name === 'a' && link ? [{ element: link.element, href: element.attributes.href ?? '' }] : [];
    });
  };
}
