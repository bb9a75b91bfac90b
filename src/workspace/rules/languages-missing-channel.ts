import type { Rule } from '../../diagnostics/index.js';

export const languagesMissingChannel: Rule = {
  meta: {
    id: 'languages/missing-channel',
    defaultSeverity: 'warning',
    docs: 'a translated message has every channel of the default language in that language (else that channel goes out in the default language)',
  },
};
