import type { Rule } from '../rule.js';

export const workspaceRead: Rule = {
  meta: {
    id: 'workspace/read',
    defaultSeverity: 'error',
    docs: 'workspace files can be read as UTF-8 text',
  },
};
