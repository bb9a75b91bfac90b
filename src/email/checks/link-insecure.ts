import { ruleDiagnostic, type EmailRule } from './email-rule.js';
import { templateLinks } from './links.js';

export const linkInsecureRule: EmailRule = {
  id: 'email/link-insecure',
  severity: 'warning',
  docs: 'Links use https: (http: links travel unencrypted and browsers flag the page they open as not secure).',
  check(input) {
    return templateLinks(input.page)
      .filter((link) => /^http:/i.test(link.href.trim()))
      .map((link) => ruleDiagnostic(linkInsecureRule, input.locateElement(link.element), `insecure link ${link.href.trim()}`, { hint: 'use https:' }));
  },
};
