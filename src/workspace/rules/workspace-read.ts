import type { Rule } from '../../diagnostics/index.js';

export const workspaceRead: Rule = {
  meta: {
    id: 'workspace/read',
    defaultSeverity: 'error',
    docs: 'workspace files can be read as UTF-8 text',
  },
};
