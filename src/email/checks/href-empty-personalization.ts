import { ruleDiagnostic, type EmailRule } from './email-rule.js';

export const hrefEmptyPersonalizationRule: EmailRule = {
  id: 'email/href-empty-personalization',
  severity: 'error',
  docs: 'A personalized href never renders empty: the recipient would get a dead link.',
  check(input) {
    return input.samples.flatMap((output) =>
      output.links
        .filter((link) => link.href.trim() === '')
        .map((link) =>
          ruleDiagnostic(hrefEmptyPersonalizationRule, input.locateElement(link.element), `href ${link.element.attributes.href} renders empty for sample "${output.sample.name}"`, {
            hint: 'make the attribute required, give it a fallback (| default: "https://…"), or guard the link with a condition',
          }),
        ),
    );
  },
};
