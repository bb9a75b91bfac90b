import { ruleDiagnostic } from '../checks/email-rule.js';
import { caniemailData } from './caniemail-data.js';
import { compatFindings, describeFinding } from './compat-findings.js';
import type { CompatRule } from './compat-input.js';

/**
 * HTML and CSS of the rendered email (after MJML, inline styles and `<style>` blocks) that a
 * target client (`email.clients`) does not, or only partly, support, per caniemail. Image
 * formats are email/img-format's; markup MJML writes itself is not reported (see usage-source.ts).
 */
export const compatRule: CompatRule = {
  id: 'email/compat',
  severity: 'warning',
  // Read on listing only (`txkit rules`): the data set loads when first needed.
  get docs() {
    const data = caniemailData();
    return `HTML/CSS a target client (email.clients) does not (warning) or only partly (info) support; caniemail data of ${data.updated.slice(0, 10)} (caniemail ${data.packageVersion})`;
  },
  check(input) {
    const usages = input.usages.filter((usage) => !usage.slug.startsWith('image-'));
    return compatFindings(input, usages).map((finding) =>
      ruleDiagnostic(compatRule, finding.location, describeFinding(finding), {
        hint: `see ${finding.feature.url}`,
        severity: finding.clients.some((client) => client.level === 'unsupported') ? 'warning' : 'info',
      }),
    );
  },
};
