import type { CheckRule } from '../../diagnostics/index.js';
import { findingDiagnostics } from '../compat/compat-findings.js';
import type { CompatCheckInput } from '../compat/compat-input.js';

/** Image formats a target client blocks or mangles (SVG and WebP in Outlook for Windows), per caniemail's image-format features. */
export const emailImgFormat: CheckRule<CompatCheckInput> = {
  meta: {
    id: 'email/img-format',
    defaultSeverity: 'warning',
    docs: 'An <img> is in a format a target client (email.clients) does not show (e.g. SVG, WebP in Outlook for Windows), per caniemail',
  },
  check(input) {
    const usages = input.usages.filter((usage) => usage.slug.startsWith('image-'));
    return findingDiagnostics(emailImgFormat, input, usages, (finding) => `use PNG, JPEG or GIF; see ${finding.feature.url}`);
  },
};
