import type { Rule } from '../rule.js';

export const sfmcUnsupportedConstruct: Rule = {
  meta: {
    id: 'sfmc/unsupported-construct',
    defaultSeverity: 'error',
    docs: 'Liquid published to SFMC uses only constructs with a faithful AMPscript translation',
  },
};
