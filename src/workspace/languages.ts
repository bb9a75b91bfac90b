import type { ResolvedConfig } from './config.js';
import type { Message, Sample } from './model.js';

/** Without `locales` in txkit.config.yaml the templates are in English and have no translations. */
const fallbackLanguage = 'en';

/** The workspace's default language and the languages it translates into (the default excluded). */
export function workspaceLanguages(config: Pick<ResolvedConfig, 'locales'>): { defaultLanguage: string; translations: string[] } {
  const defaultLanguage = config.locales?.default ?? fallbackLanguage;
  const translations = [...new Set(config.locales?.languages ?? [])].filter((language) => language !== defaultLanguage);
  return { defaultLanguage, translations };
}

/** The file that translates `reference` into `language`, beside it: `email.mjml` → `email.fr.mjml`. */
export function translationFileName(reference: string, language: string): string {
  return reference.replace(/(\.[^.]+)$/, `.${language}$1`);
}

/** The message's default language. */
export function defaultLanguageOf(message: Message): string {
  return message.language ?? fallbackLanguage;
}

/** Every language the message can be rendered in: its default language first, then its translations. */
export function messageLanguages(message: Message): string[] {
  return [defaultLanguageOf(message), ...(message.translations ?? []).map((translation) => translation.language)];
}

/** The samples that preview `language`: those that name it, else those that name no language. */
export function samplesInLanguage(message: Message, language: string): Sample[] {
  const isDefault = language === defaultLanguageOf(message);
  const own = message.samples.filter((sample) => sample.language === language || (isDefault && sample.language === undefined));
  if (own.length > 0 || isDefault) return own;
  return message.samples.filter((sample) => sample.language === undefined);
}

/**
 * The message as it is sent to recipients of `language`: the translated channels in place of
 * the default ones (a channel without a translation goes out in the default language, as
 * Customer.io sends the Default content when no language matches), with that language's samples.
 * Every render, check and push works on such a view, so each handles every language alike.
 * Undefined when the message has no such language.
 */
export function inLanguage(message: Message, language: string): Message | undefined {
  if (language === defaultLanguageOf(message)) return { ...message, samples: samplesInLanguage(message, language) };
  const translation = message.translations?.find((candidate) => candidate.language === language);
  if (!translation) return undefined;
  const { email = message.email, sms = message.sms } = translation;
  return {
    ...message,
    language,
    ...(email ? { email } : {}),
    ...(sms ? { sms } : {}),
    samples: samplesInLanguage(message, language),
    translations: [],
    translationView: true,
  };
}

/** One view per language, the default first. */
export function languageViews(message: Message): Message[] {
  return messageLanguages(message).flatMap((language) => inLanguage(message, language) ?? []);
}
