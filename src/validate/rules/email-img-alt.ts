import type { Rule } from '../rule.js';

export const emailImgAlt: Rule = {
  meta: {
    id: 'email/img-alt',
    defaultSeverity: 'warning',
    docs: 'images have an alt attribute',
  },
};
