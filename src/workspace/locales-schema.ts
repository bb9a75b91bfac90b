import { z } from 'zod';
import { isLanguageCode } from './language-code.js';

const languageCode = z.string().refine(isLanguageCode, 'a language code such as "en", "fr" or "fr-CA" (ISO 639-1, optionally with a region)');

/** `locales:` in txkit.config.yaml: the templates' own language and the translations the workspace keeps. */
export const localesSchema = z
  .object({
    default: languageCode.describe('Language of email.mjml, sms.txt and the subject (Customer.io: the Default content)'),
    languages: z
      .array(languageCode)
      .default([])
      .describe('Every language of the workspace, the default included or not: email.<language>.mjml, sms.<language>.txt, …'),
  })
  .strict();
