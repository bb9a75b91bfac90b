import { templateLinks } from '../checks/links.js';
import type { HtmlDocument, HtmlElement } from '../html-elements.js';
import { ruleDiagnostic, type CheckRule } from '../../diagnostics/index.js';
import type { CompatCheckInput } from '../compat/compat-input.js';

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
export const emailLinkText: CheckRule<CompatCheckInput> = {
  meta: {
    id: 'email/link-text',
    defaultSeverity: 'warning',
    docs: 'Link text says where it goes, not "click here" or "read more" (accessibility: WCAG 2.4.4)',
  },
  check(input) {
    return templateLinks(input.page).flatMap(({ element }) => {
      if (element.attributes['aria-label']) return [];
      const text = linkText(input.page, element);
      if (!vague.has(text)) return [];
      return [
        ruleDiagnostic(emailLinkText, input.locateElement(element), `link text "${text}" does not say where the link goes`, {
          hint: 'name the destination, e.g. "View your order" or "Reset your password"',
        }),
      ];
    });
  },
};
