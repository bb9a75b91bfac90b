/**
 * Language codes as Customer.io matches them: a two-letter language (`fr`) or a language and
 * region (`fr-CA`) — https://docs.customer.io/journeys/localization-attribute/ ("Supported
 * languages"). A code is accepted when it is a well-formed BCP 47 tag whose language ICU can
 * name, so a typo (`fe`, `frr`) or a word that is not a language (`backup`) is refused.
 */
let languageNames: Intl.DisplayNames | undefined;

// Built on first use: loading ICU's language names takes ~15 ms, which a workspace without translations never needs.
const names = () => (languageNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }));

/** The English name of a language code ("French", "Canadian French"), or undefined when it names no language. */
export function languageName(code: string): string | undefined {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(code)[0];
  } catch {
    return undefined;
  }
  if (canonical === undefined || !/^[a-z]{2,3}(-[A-Z]{2}|-[A-Za-z]{4})*$/i.test(code)) return undefined;
  const language = new Intl.Locale(canonical).language;
  if (names().of(language) === undefined) return undefined;
  return names().of(canonical);
}

export function isLanguageCode(code: string): boolean {
  return languageName(code) !== undefined;
}
