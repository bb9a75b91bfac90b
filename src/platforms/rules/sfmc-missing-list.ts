import type { Rule } from '../../diagnostics/index.js';

export const sfmcMissingList: Rule = {
  meta: {
    id: 'sfmc/missing-list',
    defaultSeverity: 'error',
    docs: 'an email published to SFMC names its subscriber list (targets.sfmc.list in txkit.config.yaml or message.yaml): SFMC requires subscriptions.list on every email definition',
  },
};
