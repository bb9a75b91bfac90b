import type { Rule } from '../rule.js';

export const attributesFormat: Rule = {
  meta: {
    id: 'attributes/format',
    defaultSeverity: 'error',
    docs: 'sample values match the declared format (e164, email, url)',
  },
};
