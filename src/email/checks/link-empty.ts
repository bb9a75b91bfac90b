import { ruleDiagnostic, type EmailRule } from './email-rule.js';
import { templateLinks } from './links.js';

export const linkEmptyRule: EmailRule = {
  id: 'email/link-empty',
  severity: 'warning',
  docs: 'Links lead somewhere: no empty href and no href="#" placeholder.',
  check(input) {
    return templateLinks(input.page)
      .filter((link) => !link.personalized && (link.href.trim() === '' || link.href.trim() === '#'))
      .map((link) =>
        ruleDiagnostic(linkEmptyRule, input.locateElement(link.element), link.href.trim() === '' ? 'link with an empty href' : 'link with a placeholder href="#"', {
          hint: 'point the link at its destination, or remove it',
        }),
      );
  },
};
