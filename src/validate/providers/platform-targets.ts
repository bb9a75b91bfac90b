import { checkCustomerioTarget } from '../../platforms/customerio/handlebars-check.js';
import { checkSfmcExport, sfmcSources } from '../../platforms/sfmc/message-export.js';
import { messageTemplatesWithPartials } from '../message-templates.js';
import type { Provider } from '../rule.js';
import { customerioHandlebarsUnsupported } from '../rules/customerio-handlebars-unsupported.js';
import { sfmcMissingList } from '../rules/sfmc-missing-list.js';
import { sfmcUnsupportedConstruct } from '../rules/sfmc-unsupported-construct.js';

/**
 * What the platforms a message targets can publish: SFMC gets AMPscript / GTL exported from
 * the templates (untranslatable constructs are reported now, not at push time), Customer.io
 * runs Liquid only.
 */
export const platformTargetsProvider: Provider = {
  id: 'platform-targets',
  rules: [sfmcUnsupportedConstruct, sfmcMissingList, customerioHandlebarsUnsupported],
  async check(message, context) {
    const diagnostics = context.isEnabled(customerioHandlebarsUnsupported.meta.id) ? checkCustomerioTarget(message) : [];
    if (!message.definition.targets.sfmc || !context.isEnabled(sfmcUnsupportedConstruct.meta.id)) return diagnostics;
    // The MJML body with its partials inlined, so a construct inside a partial is reported there.
    const templates = await messageTemplatesWithPartials(message, context.config.workspace);
    const body = templates.find((template) => template.channel === 'email' && template.part === 'body')?.source;
    const sources = sfmcSources(message).map((source) => (body && source === message.email?.body ? body : source));
    const found = checkSfmcExport(message, sources, { ...(context.config.targets.sfmc?.list ? { list: context.config.targets.sfmc.list } : {}) });
    return [...diagnostics, ...found.filter((diagnostic) => diagnostic.ruleId !== sfmcMissingList.meta.id || context.isEnabled(sfmcMissingList.meta.id))];
  },
};
