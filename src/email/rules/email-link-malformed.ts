import { ruleDiagnostic, type CheckRule, type Diagnostic } from '../../diagnostics/index.js';
import type { EmailCheckInput } from '../checks/email-rule.js';
import { hrefProblem, templateLinks } from '../checks/links.js';

/**
 * An href must be an absolute URL (or mailto:/tel:) once personalized. Fixed hrefs are checked
 * as written; personalized ones as each sample renders them (empty renderings are the business
 * of email/href-empty-personalization).
 */
export const emailLinkMalformed: CheckRule<EmailCheckInput> = {
  meta: {
    id: 'email/link-malformed',
    defaultSeverity: 'error',
    docs: 'After personalization every href is an absolute http(s) URL, mailto: or tel: link.',
  },
  check(input) {
    const diagnostics: Diagnostic[] = [];
    for (const link of templateLinks(input.page)) {
      const href = link.href.trim();
      if (link.personalized || href === '' || href === '#') continue;
      const problem = hrefProblem(href);
      if (problem) diagnostics.push(ruleDiagnostic(emailLinkMalformed, input.locateElement(link.element), `href "${href}" ${problem}`));
    }
    for (const output of input.samples) {
      for (const link of output.links) {
        const href = link.href.trim();
        const problem = href === '' ? undefined : hrefProblem(href);
        if (problem)
          diagnostics.push(
            ruleDiagnostic(
              emailLinkMalformed,
              input.locateElement(link.element),
              `href renders as "${href}" for sample "${output.sample.name}", which ${problem}`,
            ),
          );
      }
    }
    return diagnostics;
  },
};
