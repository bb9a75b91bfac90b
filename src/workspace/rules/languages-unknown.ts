import type { Rule } from '../../diagnostics/index.js';

export const languagesUnknown: Rule = {
  meta: {
    id: 'languages/unknown',
    defaultSeverity: 'error',
    docs: 'translation files, email.translations keys and sample languages name a language of locales in txkit.config.yaml (and not the default one)',
  },
};
