import { ruleDiagnostic } from '../checks/email-rule.js';
import { compatFindings, describeFinding } from './compat-findings.js';
import type { CompatRule } from './compat-input.js';

/** Image formats a target client blocks or mangles (SVG and WebP in Outlook for Windows), per caniemail's image-format features. */
export const imgFormatRule: CompatRule = {
  id: 'email/img-format',
  severity: 'warning',
  docs: 'An <img> is in a format a target client (email.clients) does not show (e.g. SVG, WebP in Outlook for Windows), per caniemail',
  check(input) {
    const usages = input.usages.filter((usage) => usage.slug.startsWith('image-'));
    return compatFindings(input, usages).map((finding) =>
      ruleDiagnostic(imgFormatRule, finding.location, describeFinding(finding), {
        hint: `use PNG, JPEG or GIF; see ${finding.feature.url}`,
        severity: finding.clients.some((client) => client.level === 'unsupported') ? 'warning' : 'info',
      }),
    );
  },
};
