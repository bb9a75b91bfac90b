import type { Rule } from '../rule.js';

export const customerioHandlebarsUnsupported: Rule = {
  meta: {
    id: 'customerio/handlebars-unsupported',
    defaultSeverity: 'error',
    docs: 'messages published to Customer.io are written in Liquid, the only language it runs',
  },
};
