import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/index.js';
import type { Engines } from '../../render/index.js';
import { configFileName, languageName, translationFileName, workspaceLanguages, type ResolvedConfig } from '../../workspace/index.js';
import { contentTypeOf } from './channel-targets.js';
import type { TransactionalContent } from './customerio-api.js';
import { sampleFor, withNewline } from './pulled-sample.js';

/** The other language variants of the pulled one's channel: the message's translations. */
export function translatedVariants(main: TransactionalContent, contents: readonly TransactionalContent[]): TransactionalContent[] {
  return contents.filter((content) => content !== main && content.type === main.type && (content.language ?? '') !== '');
}

export interface TranslationContext {
  engines: Engines;
  config: Pick<ResolvedConfig, 'locales' | 'configFile' | 'projectRoot'>;
  /** The new folder's message.yaml, for the diagnostics. */
  file: string;
}

export interface PulledTranslations {
  /** `email.<language>.html` or `sms.<language>.txt`, and `samples/example-<language>.json`, as the loader finds translations. */
  files: Record<string, string>;
  /** message.yaml `email.translations`: each language's subject and preheader. */
  emailTranslations?: Record<string, { subject?: string; preheader?: string }>;
  diagnostics: Diagnostic[];
}

/** A pulled language the workspace will not take as it is. */
const warn = (file: string, message: string, hint: string): Diagnostic => ({
  ruleId: 'customerio/pulled-language',
  severity: 'warning',
  file,
  line: 1,
  column: 1,
  message,
  hint,
});

/** Why the workspace would refuse `language` as a translation, as a warning naming the fix; undefined when it takes it. */
function languageWarning(language: string, context: TranslationContext): Diagnostic | undefined {
  const { locales } = context.config;
  const { defaultLanguage, translations } = workspaceLanguages(context.config);
  const name = languageName(language) ?? language;
  if (language === defaultLanguage) {
    return warn(
      context.file,
      `Customer.io has content for "${language}", the workspace's default language (locales.default), besides the Default content: pulled as a translation, which the workspace refuses`,
      'keep one of the two: delete its files and email.translations entry, or publish the default language to it with targets.customerio.language',
    );
  }
  // Without `locales`, any language a file names is one of the workspace's.
  if (!locales || translations.includes(language)) return undefined;
  return warn(
    context.config.configFile ?? path.join(context.config.projectRoot, configFileName),
    `the pulled ${name} translation ("${language}") is not a language of this workspace: loading it fails with languages/unknown`,
    `add ${language} to locales.languages in ${configFileName}`,
  );
}

/**
 * A pulled message's translations, as the workspace keeps them: each variant's body beside the
 * default one, an email's subject and preheader in `email.translations`, and a sample naming the
 * language. A preheader the variant lacks is written empty when the default one has one, since
 * that is what its recipients get (a missing key would mean the default preheader).
 */
export function pulledTranslations(main: TransactionalContent, variants: readonly TransactionalContent[], context: TranslationContext): PulledTranslations {
  const files: Record<string, string> = {};
  const emailTranslations: NonNullable<PulledTranslations['emailTranslations']> = {};
  const diagnostics: Diagnostic[] = [];
  for (const variant of variants) {
    const language = variant.language ?? '';
    if (main.type === contentTypeOf.whatsapp) {
      // The workspace has no WhatsApp translations (whatsapp.<language>.txt is not a file it loads).
      diagnostics.push(
        warn(
          context.file,
          `Customer.io has WhatsApp content for "${language}": txkit does not model WhatsApp translations, so it was not pulled`,
          'keep that translation in Customer.io, or remove it there if the default content should go to everyone',
        ),
      );
      continue;
    }
    const warning = languageWarning(language, context);
    if (warning) diagnostics.push(warning);
    const body = variant.body ?? '';
    if (main.type === 'twilio') files[translationFileName('sms.txt', language)] = withNewline(body);
    else {
      files[translationFileName('email.html', language)] = withNewline(body);
      emailTranslations[language] = {
        ...(variant.subject ? { subject: variant.subject } : {}),
        ...(variant.preheader_text || main.preheader_text ? { preheader: variant.preheader_text ?? '' } : {}),
      };
    }
    const templates = [body, variant.subject ?? '', variant.preheader_text ?? '', variant.recipient ?? ''];
    files[`samples/example-${language}.json`] = sampleFor(templates, context.engines, context.file, language);
  }
  return { files, ...(Object.keys(emailTranslations).length > 0 ? { emailTranslations } : {}), diagnostics };
}
