import type { Rule } from '../../diagnostics/index.js';

export const samplesShape: Rule = {
  meta: {
    id: 'samples/shape',
    defaultSeverity: 'error',
    docs: 'a sample is an object with only "customer" and "trigger" objects',
  },
};
