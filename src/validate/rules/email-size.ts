import type { Rule } from '../rule.js';

export const emailSize: Rule = {
  meta: {
    id: 'email/size',
    defaultSeverity: 'warning',
    docs: 'the compiled email stays under the size at which Gmail clips messages',
  },
};
