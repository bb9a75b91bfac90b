import { ruleDiagnostic, type CheckRule } from '../../diagnostics/index.js';
import type { EmailCheckInput } from '../checks/email-rule.js';

export const emailHrefEmptyPersonalization: CheckRule<EmailCheckInput> = {
  meta: {
    id: 'email/href-empty-personalization',
    defaultSeverity: 'error',
    docs: 'A personalized href never renders empty: the recipient would get a dead link.',
  },
  check(input) {
    return input.samples.flatMap((output) =>
      output.links
        .filter((link) => link.href.trim() === '')
        .map((link) =>
          ruleDiagnostic(
            emailHrefEmptyPersonalization,
            input.locateElement(link.element),
            `href ${link.element.attributes.href} renders empty for sample "${output.sample.name}"`,
            {
              hint: 'make the attribute required, give it a fallback (| default: "https://…"), or guard the link with a condition',
            },
          ),
        ),
    );
  },
};
