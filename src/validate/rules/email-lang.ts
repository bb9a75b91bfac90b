import type { Rule } from '../rule.js';

export const emailLang: Rule = {
  meta: {
    id: 'email/lang',
    defaultSeverity: 'warning',
    docs: 'the email declares its language (lang on <html>)',
  },
};
