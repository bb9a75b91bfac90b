import { ruleDiagnostic, type CheckRule } from '../../diagnostics/index.js';
import type { EmailCheckInput } from '../checks/email-rule.js';
import { templateLinks } from '../checks/links.js';

export const emailLinkInsecure: CheckRule<EmailCheckInput> = {
  meta: {
    id: 'email/link-insecure',
    defaultSeverity: 'warning',
    docs: 'Links use https: (http: links travel unencrypted and browsers flag the page they open as not secure).',
  },
  check(input) {
    return templateLinks(input.page)
      .filter((link) => /^http:/i.test(link.href.trim()))
      .map((link) => ruleDiagnostic(emailLinkInsecure, input.locateElement(link.element), `insecure link ${link.href.trim()}`, { hint: 'use https:' }));
  },
};
