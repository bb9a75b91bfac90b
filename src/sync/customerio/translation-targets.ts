import type { Diagnostic } from '../../diagnostics/index.js';
import type { TemplateSource } from '../../render/index.js';
import { inLanguage, languageName, translationFileName, type Translation } from '../../workspace/index.js';
import { channelLabel, targetDiagnostic, type ChannelTarget, type CustomerioChannel } from './channel-targets.js';
import type { TransactionalContent } from './customerio-api.js';

/**
 * Customer.io keeps one content variant per language in a transactional message and sends a
 * person the variant whose `language` equals their language attribute exactly, else the Default
 * one (https://docs.customer.io/journeys/localization-attribute/). Its codes are the workspace's
 * (`fr`, `fr-CA`: workspace/language-code.ts), so a translation publishes to the variant of the
 * same code, unchanged.
 */

/** The translation's templates of `channel`; undefined for a channel it lacks (or translations never carry). */
function translatedChannel(translation: Translation, channel: CustomerioChannel): { body: TemplateSource } | undefined {
  const { language: _language, ...channels } = translation;
  const byChannel: Partial<Record<string, { body: TemplateSource }>> = channels;
  return byChannel[channel];
}

/**
 * The translations a channel target publishes besides its own language: one target per
 * translation that has the channel (a translation without it sends the default content, which
 * the target itself publishes), its message the translation's view. Its diagnostics point at the
 * translated file. A translation into the language the target already publishes to
 * (`targets.customerio.language`) would write that variant twice: it is refused.
 */
export function translationTargets(target: ChannelTarget): { targets: ChannelTarget[]; diagnostics: Diagnostic[] } {
  const targets: ChannelTarget[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const translation of target.message.translations ?? []) {
    const translated = translatedChannel(translation, target.channel);
    const view = inLanguage(target.message, translation.language);
    if (!translated || !view) continue;
    const published = { ...target, message: view, language: translation.language, location: { file: translated.body.file, ...translated.body.locate(0) } };
    if (translation.language !== target.language) targets.push(published);
    else {
      diagnostics.push(
        targetDiagnostic(published, {
          ruleId: 'customerio/duplicate-target',
          message: `this translation and the default-language files both publish to Customer.io's "${translation.language}" variant (targets.customerio.language)`,
          hint: 'publish the default language to another variant (remove `language` for the Default one), or drop this translation',
        }),
      );
    }
  }
  return { targets, diagnostics };
}

/** Whether `target` publishes a translation (its message is a translation's view). */
export const isTranslationTarget = (target: ChannelTarget): boolean => target.message.translationView === true;

/**
 * Warnings for the channel's remote variants in a language the workspace publishes nothing to:
 * Customer.io sends such a variant, not the Default content, to the people of that language, so
 * it goes on saying whatever it said when someone last edited it in the UI.
 */
export function unpublishedVariants(
  target: ChannelTarget,
  id: number,
  ofChannel: readonly TransactionalContent[],
  published: readonly ChannelTarget[],
): Diagnostic[] {
  const languages = new Set(published.map((candidate) => candidate.language));
  const { definition } = target.message;
  // WhatsApp has no translations in the workspace: such a variant can only be deleted.
  const bodies: Record<CustomerioChannel, string | undefined> = { email: definition.email?.body, sms: definition.sms?.body, whatsapp: undefined };
  const file = bodies[target.channel];
  return ofChannel.flatMap((content) => {
    const language = content.language ?? '';
    if (language === '' || languages.has(language)) return [];
    const name = languageName(language) ?? language;
    return [
      targetDiagnostic(target, {
        ruleId: 'customerio/untranslated-variant',
        severity: 'warning',
        message: `Customer.io transactional message ${id} has ${channelLabel[target.channel]} content for "${language}" (${name}) that the workspace does not translate: Customer.io sends that content, not the default, to people whose language is ${language}`,
        hint: file
          ? `translate it (${translationFileName(file, language)}), or delete the ${name} variant in Customer.io`
          : `delete the ${name} variant in Customer.io`,
      }),
    ];
  });
}
