import { ruleDiagnostic, type CheckRule, type Diagnostic } from '../../diagnostics/index.js';
import { languageName } from '../../workspace/index.js';
import type { TemplateReference } from '../attributes/template-references.js';
import type { LanguageFacts } from '../languages/language-facts.js';
import type { MessageTemplate } from '../message-templates.js';

const pathKey = (reference: TemplateReference) => reference.path.join('.');

function firstByPath(references: readonly TemplateReference[]): Map<string, TemplateReference> {
  const first = new Map<string, TemplateReference>();
  for (const reference of references) if (!first.has(pathKey(reference))) first.set(pathKey(reference), reference);
  return first;
}

const channelLabel = { email: 'email', sms: 'SMS', whatsapp: 'WhatsApp' } as const;

export const languagesAttributes: CheckRule<LanguageFacts> = {
  meta: {
    id: 'languages/attributes',
    defaultSeverity: 'warning',
    docs: 'every language of a channel reads the same attributes: one the default language reads and a translation does not is untranslated, one only a translation reads is extra',
  },
  check({ defaultLanguage, translations }) {
    const diagnostics: Diagnostic[] = [];
    const nameOf = (language: string) => `${languageName(language) ?? language} (${language})`;
    for (const translation of translations) {
      for (const [key, own] of translation.references) {
        const base = defaultLanguage.references.get(key);
        if (!base) continue;
        const [channel, part] = key.split(' ') as [MessageTemplate['channel'], string];
        const where = `${channelLabel[channel]} ${part}`;
        const ownPaths = firstByPath(own);
        const basePaths = firstByPath(base);
        for (const [path, reference] of basePaths) {
          if (ownPaths.has(path)) continue;
          diagnostics.push(
            ruleDiagnostic(
              languagesAttributes,
              { file: reference.source.file, ...reference.source.locate(reference.offset) },
              `\`${path}\` is read by the ${nameOf(defaultLanguage.language)} ${where} but not by the ${nameOf(translation.language)} one`,
              { hint: `translate the sentence that uses ${path} in the ${translation.language} ${where}, or remove it from every language` },
            ),
          );
        }
        for (const [path, reference] of ownPaths) {
          if (basePaths.has(path)) continue;
          diagnostics.push(
            ruleDiagnostic(
              languagesAttributes,
              { file: reference.source.file, ...reference.source.locate(reference.offset) },
              `\`${path}\` is read by the ${nameOf(translation.language)} ${where} but not by the ${nameOf(defaultLanguage.language)} one`,
              { hint: `a translation says what the default says: use ${path} in every language or in none` },
            ),
          );
        }
      }
    }
    return diagnostics;
  },
};
