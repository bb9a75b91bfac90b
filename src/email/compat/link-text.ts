import { ruleDiagnostic } from '../checks/email-rule.js';
import { templateLinks } from '../checks/links.js';
import type { HtmlDocument, HtmlElement } from '../html-elements.js';
import type { CompatRule } from './compat-input.js';

/** Link texts that say nothing out of context (WCAG 2.4.4 Link Purpose). */
const vague = new Set(['click here', 'click', 'here', 'this link', 'link', 'read more', 'more', 'learn more', 'this', 'go', 'tap here']);

function linkText(page: HtmlDocument, element: HtmlElement): string {
  return page.texts
    .filter((text) => text.start >= element.startTagEnd && text.end <= element.innerEnd)
    .map((text) => text.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/[.!:…›»→]+$/, '')
    .trim();
}

/** Link text must say where the link goes: screen-reader users list the links of an email out of context. */
export const linkTextRule: CompatRule = {
  id: 'email/link-text',
  severity: 'warning',
  docs: 'Link text says where it goes, not "click here" or "read more" (accessibility: WCAG 2.4.4)',
  check(input) {
    return templateLinks(input.page).flatMap(({ element }) => {
      if (element.attributes['aria-label']) return [];
      const text = linkText(input.page, element);
      if (!vague.has(text)) return [];
      return [ruleDiagnostic(linkTextRule, input.locateElement(element), `link text "${text}" does not say where the link goes`, { hint: 'name the destination, e.g. "View your order" or "Reset your password"' })];
    });
  },
};
