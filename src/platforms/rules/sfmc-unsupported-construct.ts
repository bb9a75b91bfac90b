import type { Rule } from '../../diagnostics/index.js';

export const sfmcUnsupportedConstruct: Rule = {
  meta: {
    id: 'sfmc/unsupported-construct',
    defaultSeverity: 'error',
    docs: 'templates published to SFMC use only constructs with a faithful AMPscript (Liquid) or flat-attribute GTL (Handlebars) translation',
  },
};
