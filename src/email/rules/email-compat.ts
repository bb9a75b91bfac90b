import type { CheckRule } from '../../diagnostics/index.js';
import { caniemailData } from '../compat/caniemail-data.js';
import { findingDiagnostics } from '../compat/compat-findings.js';
import type { CompatCheckInput } from '../compat/compat-input.js';

/**
 * HTML and CSS of the rendered email (after MJML, inline styles and `<style>` blocks) that a
 * target client (`email.clients`) does not, or only partly, support, per caniemail. Image
 * formats are email/img-format's; markup MJML writes itself is not reported (see usage-source.ts).
 */
export const emailCompat: CheckRule<CompatCheckInput> = {
  meta: {
    id: 'email/compat',
    defaultSeverity: 'warning',
    // Read on listing only (`txkit rules`): the data set loads when first needed.
    get docs() {
      const data = caniemailData();
      return `HTML/CSS a target client (email.clients) does not (warning) or only partly (info) support; caniemail data of ${data.updated.slice(0, 10)} (caniemail ${data.packageVersion})`;
    },
  },
  check(input) {
    const usages = input.usages.filter((usage) => !usage.slug.startsWith('image-'));
    return findingDiagnostics(emailCompat, input, usages, (finding) => `see ${finding.feature.url}`);
  },
};
