import type { Rule } from '../../diagnostics/index.js';

export const syntaxYaml: Rule = {
  meta: {
    id: 'syntax/yaml',
    defaultSeverity: 'error',
    docs: 'message.yaml and txkit.config.yaml are valid YAML without duplicate keys',
  },
};
