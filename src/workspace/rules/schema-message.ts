import type { Rule } from '../../diagnostics/index.js';

export const schemaMessage: Rule = {
  meta: {
    id: 'schema/message',
    defaultSeverity: 'error',
    docs: 'message.yaml matches the message schema',
  },
};
