import { documentRoot } from './document-root.js';
import { ruleDiagnostic, type EmailRule } from './email-rule.js';

export const langRule: EmailRule = {
  id: 'email/lang',
  severity: 'warning',
  docs: 'The email declares its language (<html lang>, <mjml lang>), so screen readers pronounce it and clients translate it correctly.',
  check(input) {
    const root = documentRoot(input);
    if (root.element?.attributes.lang?.trim()) return [];
    return [ruleDiagnostic(langRule, root.location, `<${root.tag}> has no lang attribute`, { hint: `add the language of the text, e.g. <${root.tag} lang="en">` })];
  },
};
