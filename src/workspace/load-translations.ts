import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, Position } from '../diagnostics/index.js';
import type { ResolvedConfig } from './config.js';
import { languageName } from './language-code.js';
import { translationFileName, workspaceLanguages } from './languages.js';
import type { EmailTemplates, Sample, SmsTemplates, Translation } from './model.js';
import type { MessageDefinition } from './message-schema.js';
import { readTemplateFile, sentAsWritten } from './read-template-file.js';
import { languagesMissingChannel } from './rules/languages-missing-channel.js';
import { languagesUnknown } from './rules/languages-unknown.js';
import { languagesUntranslated } from './rules/languages-untranslated.js';
import type { LocatedDocument, PathSegment } from './yaml-document.js';

/**
 * Translations live beside the file they translate, with the language before the extension:
 * `email.mjml` → `email.fr.mjml` (or `email.fr.html`), `email.txt` → `email.fr.txt`,
 * `sms.txt` → `sms.fr.txt`; the subject and preheader in `email.translations.fr`.
 */
type Part = 'email' | 'text' | 'sms';

interface TranslationFile {
  part: Part;
  language: string;
  /** Relative to the message folder, as message.yaml names files. */
  reference: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `email.mjml` → a pattern matching `email.<language>.mjml` and `.html` (an email body may be either). */
function translationPattern(reference: string, part: Part): { dir: string; pattern: RegExp } {
  const ext = path.extname(reference);
  const stem = path.basename(reference, ext);
  const exts = part === 'email' ? '(?:mjml|html)' : escape(ext.slice(1));
  return { dir: path.dirname(reference), pattern: new RegExp(`^${escape(stem)}\\.([^.]+)\\.${exts}$`) };
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

async function translationFiles(messageDir: string, definition: MessageDefinition): Promise<TranslationFile[]> {
  const references: [Part, string | undefined][] = [
    ['email', definition.email?.body],
    ['text', definition.email?.text],
    ['sms', definition.sms?.body],
  ];
  const found: TranslationFile[] = [];
  for (const [part, reference] of references) {
    if (reference === undefined) continue;
    const { dir, pattern } = translationPattern(reference, part);
    for (const name of await listFiles(path.resolve(messageDir, dir))) {
      const language = pattern.exec(name)?.[1];
      if (language !== undefined) found.push({ part, language, reference: path.join(dir, name) });
    }
  }
  return found;
}

export interface LanguageContext {
  dir: string;
  document: LocatedDocument;
  definition: MessageDefinition;
  email?: EmailTemplates;
  sms?: SmsTemplates;
  samples: readonly Sample[];
}

/** Why `language` cannot be a translation here, or undefined when it can. */
function languageProblem(language: string, config: ResolvedConfig): { message: string; hint: string } | undefined {
  const { defaultLanguage, translations } = workspaceLanguages(config);
  const listed = translations.length > 0 ? translations.join(', ') : 'none yet';
  if (languageName(language) === undefined) {
    return { message: `"${language}" is not a language code`, hint: `use a language of locales in txkit.config.yaml (${listed}), e.g. fr or fr-CA` };
  }
  if (language === defaultLanguage) {
    return {
      message: `"${language}" is the default language (locales.default): its content is the untranslated file`,
      hint: 'remove the language from the name',
    };
  }
  // Without `locales`, every language a file names is one of the workspace's: declaring them restricts.
  if (config.locales && !translations.includes(language)) {
    return {
      message: `${languageName(language) ?? language} ("${language}") is not a language of this workspace`,
      hint: `add ${language} to locales.languages in txkit.config.yaml (it has: ${listed})`,
    };
  }
  return undefined;
}

const partFile: Record<Part, string> = { email: 'email body', text: 'plain-text part', sms: 'SMS' };

/**
 * Loads every translation of a message and reports the problems a translator can fix: a
 * language that is not one of `locales`, a language that lacks a channel, an email whose
 * subject, preheader or text part was left in the default language.
 */
export async function loadTranslations(
  workspaceRoot: string,
  config: ResolvedConfig,
  message: LanguageContext,
): Promise<{ translations: Translation[]; diagnostics: Diagnostic[] }> {
  const { document, definition } = message;
  const diagnostics: Diagnostic[] = [];
  const at = (file: string, position: Position, rule: typeof languagesUnknown, problem: { message: string; hint: string }) =>
    diagnostics.push({ ruleId: rule.meta.id, severity: rule.meta.defaultSeverity, file, ...position, ...problem });
  const firstLine = { line: 1, column: 1 };

  const files: TranslationFile[] = [];
  for (const file of await translationFiles(message.dir, definition)) {
    const problem = languageProblem(file.language, config);
    if (problem) at(path.join(message.dir, file.reference), firstLine, languagesUnknown, { ...problem, message: `${file.reference}: ${problem.message}` });
    else files.push(file);
  }
  const inline = definition.email?.translations ?? {};
  const inlineLanguages = Object.keys(inline).filter((language) => {
    const problem = languageProblem(language, config);
    if (problem) at(document.file, document.locate(['email', 'translations', language], 'key'), languagesUnknown, problem);
    return !problem;
  });
  for (const sample of message.samples) {
    const problem =
      sample.language === undefined || sample.language === workspaceLanguages(config).defaultLanguage ? undefined : languageProblem(sample.language, config);
    if (problem) at(sample.file, sample.document.locate(['language']), languagesUnknown, problem);
  }

  const languages = [...new Set([...files.map((file) => file.language), ...inlineLanguages])].sort();
  const translations: Translation[] = [];
  for (const language of languages) {
    const fileOf = (part: Part) => files.find((file) => file.language === language && file.part === part);
    const read = async (part: Part, key: PathSegment[]) => {
      const file = fileOf(part);
      if (!file) return undefined;
      const result = await readTemplateFile(workspaceRoot, message, file.reference, key);
      diagnostics.push(...result.diagnostics);
      return result.source;
    };
    const translation: Translation = { language };
    const name = languageName(language) ?? language;
    const missing = (part: Part, key: PathSegment[], reference: string) =>
      at(document.file, document.locate(key, 'key'), part === 'text' ? languagesUntranslated : languagesMissingChannel, {
        message: `no ${name} ${partFile[part]} (${reference}): ${name} recipients get the ${partFile[part]} in the default language`,
        hint: `create ${reference} beside ${path.basename(reference).replace(`.${language}.`, '.')}`,
      });
    const emailBody = await read('email', ['email', 'body']);
    if (message.email && definition.email) {
      const text = await read('text', ['email', 'text']);
      const translatedFile = (reference: string) => translationFileName(reference, language);
      if (!emailBody) missing('email', ['email'], translatedFile(definition.email.body));
      else {
        const own = (key: 'subject' | 'preheader') => document.templateAt(['email', 'translations', language, key]);
        for (const key of ['subject', 'preheader'] as const) {
          if (message.email[key] && !own(key)) {
            at(document.file, document.locate(['email', key], 'key'), languagesUntranslated, {
              message: `the ${key} has no ${name} translation: the ${name} email would go out with the default one`,
              hint: `add email.translations.${language}.${key} to message.yaml`,
            });
          }
        }
        if (definition.email.text && !text) missing('text', ['email', 'text'], translatedFile(definition.email.text));
        translation.email = {
          ...message.email,
          bodyKind: emailBody.file.endsWith('.mjml') ? 'mjml' : 'html',
          body: emailBody,
          subject: own('subject') ?? message.email.subject,
          ...(text ? { text } : {}),
          ...((own('preheader') ?? message.email.preheader) ? { preheader: own('preheader') ?? message.email.preheader } : {}),
        };
      }
    }
    const smsBody = await read('sms', ['sms', 'body']);
    if (message.sms && definition.sms) {
      if (smsBody) translation.sms = { ...message.sms, body: sentAsWritten(smsBody) };
      else missing('sms', ['sms'], translationFileName(definition.sms.body, language));
    }
    if (translation.email || translation.sms) translations.push(translation);
  }
  return { translations, diagnostics };
}
