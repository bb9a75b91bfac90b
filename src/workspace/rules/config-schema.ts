import type { Rule } from '../../diagnostics/index.js';

export const configSchema: Rule = {
  meta: {
    id: 'config/schema',
    defaultSeverity: 'error',
    docs: 'txkit.config.yaml matches its schema, and `rules` names only known rules',
  },
};
