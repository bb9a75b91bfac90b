import { ruleDiagnostic, type CheckRule } from '../../diagnostics/index.js';
import type { EmailCheckInput } from '../checks/email-rule.js';
import { templateLinks } from '../checks/links.js';

export const emailLinkEmpty: CheckRule<EmailCheckInput> = {
  meta: {
    id: 'email/link-empty',
    defaultSeverity: 'warning',
    docs: 'Links lead somewhere: no empty href and no href="#" placeholder.',
  },
  check(input) {
    return templateLinks(input.page)
      .filter((link) => !link.personalized && (link.href.trim() === '' || link.href.trim() === '#'))
      .map((link) =>
        ruleDiagnostic(
          emailLinkEmpty,
          input.locateElement(link.element),
          link.href.trim() === '' ? 'link with an empty href' : 'link with a placeholder href="#"',
          {
            hint: 'point the link at its destination, or remove it',
          },
        ),
      );
  },
};
