import type { Rule } from '../../diagnostics/index.js';

export const workspacePath: Rule = {
  meta: {
    id: 'workspace/path',
    defaultSeverity: 'error',
    docs: 'templates, samples and mj-include paths stay inside the workspace',
  },
};
