import { compile, type HtmlToTextOptions } from 'html-to-text';
import { parseHtml } from './html-elements.js';
import { withoutHiddenElements } from './hidden-elements.js';

const options: HtmlToTextOptions = {
  wordwrap: 78,
  selectors: [
    // "View your order (https://…)": the URL readable in a plain-text client, a mailto address only once.
    { selector: 'a', options: { linkBrackets: ['(', ')'], hideLinkHrefIfSameAsText: true } },
    { selector: 'img', format: 'altText' },
    // Layout tables (role="presentation", as mjml writes them) are just blocks; any other table holds data.
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    { selector: 'table[role="presentation"]', format: 'block' },
    // Cells of layout tables are blocks of their own (data tables lay out their cells themselves).
    { selector: 'td', format: 'block' },
    { selector: 'th', format: 'block' },
  ],
  formatters: {
    // An image reads as its alt text; alt="" marks it decorative, so it reads as nothing (no URL).
    altText(element, _walk, builder) {
      const alt = ((element.attribs as Record<string, string> | undefined)?.alt ?? '').trim();
      if (alt) builder.addInline(alt);
    },
  },
};

const convert = compile(options);

/** The plain-text version of a rendered email: hidden text (the preheader) left out, links as `text (url)`. */
export function htmlToPlainText(html: string): string {
  const visible = withoutHiddenElements(parseHtml(html, { decodeEntities: false }));
  try {
    return convert(visible);
  } catch (error) {
    // html-to-text walks the element tree recursively: thousands of nested elements overflow
    // the stack. Tag-stripped text beats failing the whole render.
    if (!(error instanceof RangeError)) throw error;
    return visible
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
}
