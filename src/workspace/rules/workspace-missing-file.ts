import type { Rule } from '../../diagnostics/index.js';

export const workspaceMissingFile: Rule = {
  meta: {
    id: 'workspace/missing-file',
    defaultSeverity: 'error',
    docs: 'the body and text files named in message.yaml exist',
  },
};
