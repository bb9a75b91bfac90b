import { documentRoot } from '../checks/document-root.js';
import { ruleDiagnostic, type CheckRule } from '../../diagnostics/index.js';
import type { EmailCheckInput } from '../checks/email-rule.js';

/**
 * Info, not a warning: without `dir` clients lay text out left to right, which is right for most
 * languages; it matters for right-to-left ones, and being explicit keeps that a decision.
 */
export const emailDir: CheckRule<EmailCheckInput> = {
  meta: {
    id: 'email/dir',
    defaultSeverity: 'info',
    docs: 'The email declares its text direction (<html dir>, <mjml dir>): ltr, or rtl for Arabic, Hebrew, Persian.',
  },
  check(input) {
    const root = documentRoot(input);
    if (root.element?.attributes.dir?.trim()) return [];
    return [
      ruleDiagnostic(emailDir, root.location, `<${root.tag}> has no dir attribute`, {
        hint: `add dir="ltr" (or dir="rtl" for right-to-left languages) to <${root.tag}>`,
      }),
    ];
  },
};
