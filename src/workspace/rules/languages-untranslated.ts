import type { Rule } from '../../diagnostics/index.js';

export const languagesUntranslated: Rule = {
  meta: {
    id: 'languages/untranslated',
    defaultSeverity: 'warning',
    docs: 'a translated email has its own subject, preheader and plain-text part (else they go out in the default language)',
  },
};
