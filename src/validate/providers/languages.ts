import type { CheckRule } from '../../diagnostics/index.js';
import { defaultLanguageOf, inLanguage, type Message } from '../../workspace/index.js';
import { analyzeTemplate, type TemplateReference } from '../attributes/template-references.js';
import { templateKey, type LanguageFacts, type LanguageTemplates } from '../languages/language-facts.js';
import type { MessageTemplate } from '../message-templates.js';
import type { Provider, ProviderContext } from '../rule.js';
import { languagesAttributes } from '../rules/languages-attributes.js';
import { languagesLocaleFormat } from '../rules/languages-locale-format.js';

const languageRules: readonly CheckRule<LanguageFacts>[] = [languagesAttributes, languagesLocaleFormat];

async function languageTemplates(view: Message, channels: ReadonlySet<MessageTemplate['channel']>, context: ProviderContext): Promise<LanguageTemplates> {
  const templates = await context.templatesWithPartials(view);
  const references = new Map<string, TemplateReference[]>();
  for (const template of templates) {
    if (!channels.has(template.channel)) continue;
    const analysis = analyzeTemplate(template.source, view.definition.engine, context.engines);
    // A template that does not parse hides its reads: no comparison for it (syntax/* reports it).
    if (analysis.diagnostics.length === 0) references.set(templateKey(template.channel, template.part), analysis.references);
  }
  return { language: view.language ?? defaultLanguageOf(view), channels, templates, references };
}

/**
 * Compares each translation with the default language. validate hands every provider one view
 * per language; this one works on the default view, which still lists the translations.
 */
export const languagesProvider: Provider = {
  id: 'languages',
  rules: languageRules,
  async check(message, context) {
    const translations = message.translations ?? [];
    if (message.translationView || translations.length === 0) return [];
    const ownChannels = (email: unknown, sms: unknown) => new Set([...(email ? ['email' as const] : []), ...(sms ? ['sms' as const] : [])]);
    const facts: LanguageFacts = {
      message,
      defaultLanguage: await languageTemplates(message, ownChannels(message.email, message.sms), context),
      translations: await Promise.all(
        translations.flatMap((translation) => {
          const view = inLanguage(message, translation.language);
          return view ? [languageTemplates(view, ownChannels(translation.email, translation.sms), context)] : [];
        }),
      ),
    };
    return languageRules.filter((rule) => context.isEnabled(rule.meta.id)).flatMap((rule) => rule.check(facts));
  },
};
