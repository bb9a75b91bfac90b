/**
 * SFMC's Transactional Messaging API has no languages: a send definition sends one asset. So
 * each translation of a message is published as its own asset and definitions, whose keys
 * are made from the default language's by `targets.sfmc.languageKeys`; the sender picks the
 * definition by the recipient's language.
 */

import type { SfmcTarget } from '../../workspace/index.js';

/** The pattern when message.yaml names none: `order-confirmation` → `order-confirmation-fr`. */
const defaultLanguageKeys = '{key}-{language}';

/** SFMC's limit on an asset's customerKey and a definition's definitionKey (shared/docs/platform-api.md). */
export const sfmcKeyMaxLength = 36;

export function languageKeysOf(target: SfmcTarget): string {
  return target.languageKeys ?? defaultLanguageKeys;
}

/** The key of `key`'s object in `language`. */
export function languageKey(pattern: string, key: string, language: string): string {
  return pattern.replaceAll('{key}', key).replaceAll('{language}', language);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The language whose key `pattern` makes of `key` is `candidate`, or undefined when it is none.
 * Keys are compared without regard to case, as SFMC looks them up.
 */
export function languageOfKey(pattern: string, key: string, candidate: string): string | undefined {
  const source = pattern
    .split(/(\{key\}|\{language\})/)
    .map((part) => (part === '{key}' ? escape(key) : part === '{language}' ? '([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)' : escape(part)))
    .join('');
  const match = new RegExp(`^${source}$`, 'i').exec(candidate);
  if (!match) return undefined;
  // A pattern with {language} twice must name one language.
  const languages = new Set(match.slice(1).map((language) => language.toLowerCase()));
  return languages.size === 1 ? match[1] : undefined;
}
