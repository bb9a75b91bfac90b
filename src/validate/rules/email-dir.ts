import type { Rule } from '../rule.js';

export const emailDir: Rule = {
  meta: {
    id: 'email/dir',
    defaultSeverity: 'warning',
    docs: 'the email declares its text direction (dir on <html>)',
  },
};
