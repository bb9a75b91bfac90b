import { ruleDiagnostic, type CheckRule, type Diagnostic } from '../../diagnostics/index.js';
import type { TemplateSource } from '../../render/index.js';
import type { LanguageFacts } from '../languages/language-facts.js';

/**
 * Customer.io's money and number filters format for the locale their arguments name and for
 * en-US otherwise (`{{ 10 | currency }}` → `$10.00`; https://docs.customer.io/messaging/liquid/tag-list/,
 * docs/languages.md), whatever the language of the content; its `date` filter is Ruby's strftime,
 * whose month and day names (`%B %b %A %a`) are English. The preview renders as the platform
 * sends, so a translation must pass its locale itself: this rule says where it does not.
 */
const moneyFilter = /\|\s*(currency|rounded_currency|format_number)\b([^|}%]*)/g;
const englishNames = /\|\s*date\s*:\s*(["'])([^"']*%\^?[BbAah][^"']*)\1/g;

/** True when the filter's arguments name a locale (a quoted code that is not a currency, `locale:`), or pass one we cannot see (a variable). */
function namesLocale(args: string): boolean {
  const list = args.replace(/^\s*:/, '');
  if (/\blocale\s*:/.test(list)) return true;
  const parts = list
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return parts.some((part) => {
    const quoted = /^(["'])(.*)\1$/.exec(part);
    if (quoted) return !/^[A-Z]{3}$/.test(quoted[2] ?? '');
    return !/^-?\d+(\.\d+)?$/.test(part);
  });
}

function formatProblems(source: TemplateSource, language: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number) => ({ file: source.file, ...source.locate(offset) });
  for (const match of source.text.matchAll(moneyFilter)) {
    const [whole, filter = '', args = ''] = match;
    if (namesLocale(args)) continue;
    diagnostics.push(
      ruleDiagnostic(
        languagesLocaleFormat,
        at(match.index + whole.indexOf(filter)),
        `\`${filter}\` names no locale: Customer.io formats it as en-US in the ${language} content`,
        {
          hint: `pass the language: ${filter}: "${language}"`,
        },
      ),
    );
  }
  if (!/^en\b/.test(language)) {
    for (const match of source.text.matchAll(englishNames)) {
      diagnostics.push(
        ruleDiagnostic(
          languagesLocaleFormat,
          at(match.index + match[0].indexOf(match[2] ?? '')),
          `\`date\` prints English month and day names (%B %b %A %a) in the ${language} content`,
          {
            hint: 'use numbers (%d/%m/%Y) or name the months in the template, e.g. with a case on %m',
          },
        ),
      );
    }
  }
  return diagnostics;
}

export const languagesLocaleFormat: CheckRule<LanguageFacts> = {
  meta: {
    id: 'languages/locale-format',
    defaultSeverity: 'warning',
    docs: "a translation's money, number and date formats name its locale: Customer.io formats currency and format_number as en-US, and date names in English, unless the template says otherwise",
  },
  check({ message, translations }) {
    if (message.definition.engine !== 'liquid') return [];
    return translations
      .filter((translation) => translation.language !== 'en-US' && translation.language !== 'en')
      .flatMap((translation) =>
        translation.templates
          .filter((template) => translation.channels.has(template.channel))
          .flatMap((template) => formatProblems(template.source, translation.language)),
      );
  },
};
