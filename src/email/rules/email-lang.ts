import { documentRoot } from '../checks/document-root.js';
import { ruleDiagnostic, type CheckRule } from '../../diagnostics/index.js';
import type { EmailCheckInput } from '../checks/email-rule.js';

export const emailLang: CheckRule<EmailCheckInput> = {
  meta: {
    id: 'email/lang',
    defaultSeverity: 'warning',
    docs: 'The email declares its language (<html lang>, <mjml lang>), so screen readers pronounce it and clients translate it correctly.',
  },
  check(input) {
    const root = documentRoot(input);
    if (root.element?.attributes.lang?.trim()) return [];
    return [
      ruleDiagnostic(emailLang, root.location, `<${root.tag}> has no lang attribute`, { hint: `add the language of the text, e.g. <${root.tag} lang="en">` }),
    ];
  },
};
