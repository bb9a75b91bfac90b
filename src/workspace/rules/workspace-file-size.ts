import type { Rule } from '../../diagnostics/index.js';

export const workspaceFileSize: Rule = {
  meta: {
    id: 'workspace/file-size',
    defaultSeverity: 'error',
    docs: 'message.yaml and txkit.config.yaml stay under 256 KB, templates, partials and samples under 1 MB',
  },
};
