import { checkSfmcExport, sfmcSources } from '../../platforms/sfmc/message-export.js';
import { customerioHandlebarsUnsupported, platformRules, sfmcUnsupportedConstruct } from '../../platforms/rules/index.js';
import { engineFor, type TemplateSource } from '../../render/index.js';
import type { Message } from '../../workspace/index.js';
import type { Provider, ProviderContext } from '../rule.js';

/**
 * The templates the SFMC export translates: the MJML body with its partials inlined, so a
 * construct inside a partial is reported there. A template its engine rejects is left to its
 * syntax rule (syntax/liquid, syntax/handlebars), so a Handlebars partial or unknown helper is
 * reported once, not also as sfmc/unsupported-construct.
 */
async function exportedSources(message: Message, context: ProviderContext): Promise<TemplateSource[]> {
  const templates = await context.templatesWithPartials(message);
  const body = templates.find((template) => template.channel === 'email' && template.part === 'body')?.source;
  const engine = engineFor(context.engines, message.definition.engine);
  return sfmcSources(message)
    .map((source) => (body && source === message.email?.body ? body : source))
    .filter((source) => engine.compile(source).diagnostics.length === 0);
}

/**
 * What the platforms a message targets can publish: SFMC gets AMPscript / GTL exported from
 * the templates (untranslatable constructs are reported now, not at push time), Customer.io
 * runs Liquid only.
 */
export const platformTargetsProvider: Provider = {
  id: 'platform-targets',
  rules: platformRules,
  async check(message, context) {
    const diagnostics = context.isEnabled(customerioHandlebarsUnsupported.meta.id) ? customerioHandlebarsUnsupported.check(message) : [];
    if (!message.definition.targets.sfmc) return diagnostics;
    const found = checkSfmcExport(message, context.isEnabled(sfmcUnsupportedConstruct.meta.id) ? await exportedSources(message, context) : [], {
      ...(context.config.targets.sfmc?.list ? { list: context.config.targets.sfmc.list } : {}),
    });
    return [...diagnostics, ...found.filter((diagnostic) => context.isEnabled(diagnostic.ruleId))];
  },
};
