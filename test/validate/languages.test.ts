import { smsEncoding, smsMaxSegments } from '../../src/sms/rules/index.js';
import { languagesAttributes } from '../../src/validate/rules/languages-attributes.js';
import { languagesLocaleFormat } from '../../src/validate/rules/languages-locale-format.js';
import { languagesMissingChannel, languagesUnknown, languagesUntranslated } from '../../src/workspace/rules/index.js';
import { testRule } from '../helpers/rule-tester.js';
import type { FileTree } from '../helpers/temp-dir.js';

/** A message with an email and an SMS in English, plus `files` (translations) and an optional txkit.config.yaml. */
function project(files: FileTree, options: { config?: string; yamlTranslations?: string; sms?: string } = {}): FileTree {
  const translations = options.yamlTranslations ? `  translations:\n${options.yamlTranslations}` : '';
  return {
    ...(options.config !== undefined ? { 'txkit.config.yaml': options.config } : {}),
    'templates/order/message.yaml': [
      'name: Order',
      'email:',
      '  subject: "Order {{ trigger.order_id }}"',
      '  preheader: "Thanks!"',
      '  from: "shop@example.com"',
      '  body: email.html',
      translations,
      'sms:',
      '  body: sms.txt',
      '  to: "+14155552671"',
      'attributes:',
      '  trigger:',
      '    order_id: { type: string, required: true }',
      '    total: { type: number, required: true }',
      '',
    ]
      .filter((line) => line !== '')
      .join('\n'),
    'templates/order/email.html': '<html lang="en" dir="ltr"><body><p>Order {{ trigger.order_id }}: {{ trigger.total | currency: "en-US" }}</p></body></html>',
    'templates/order/sms.txt': options.sms ?? 'Order {{ trigger.order_id }} is confirmed.',
    'templates/order/samples/standard.json': '{ "trigger": { "order_id": "A1", "total": 10 } }',
    ...files,
  };
}

const frenchEmail = '<html lang="fr" dir="ltr"><body><p>Commande {{ trigger.order_id }} : {{ trigger.total | currency: "fr" }}</p></body></html>';
const frenchInline = '    fr:\n      subject: "Commande {{ trigger.order_id }}"\n      preheader: "Merci !"\n';
const locales = 'locales:\n  default: en\n  languages: [en, fr]\n';
const complete = { 'templates/order/email.fr.html': frenchEmail, 'templates/order/sms.fr.txt': 'Commande {{ trigger.order_id }} confirmée.' };

testRule(languagesUnknown, {
  valid: [
    { name: 'a French translation of every part, fr in locales', files: project(complete, { config: locales, yamlTranslations: frenchInline }) },
    { name: 'without locales, any language a file names is a translation', files: project(complete, { yamlTranslations: frenchInline }) },
    {
      name: 'a sample naming the default language',
      files: project({ 'templates/order/samples/en.json': '{ "language": "en", "trigger": { "order_id": "A1", "total": 1 } }' }),
    },
  ],
  invalid: [
    {
      name: 'a file whose language is not a language code, at the file',
      files: project({ 'templates/order/sms.xx.txt': 'x' }, { config: locales }),
      errors: [{ file: 'templates/order/sms.xx.txt', message: 'sms.xx.txt: "xx" is not a language code' }],
    },
    {
      name: 'a translation for a language not in locales: the file, the message.yaml key and the sample value',
      files: project(
        {
          'templates/order/email.de.html': '<p>Bestellung</p>',
          'templates/order/samples/german.json': '{\n  "language": "de",\n  "trigger": { "order_id": "A1", "total": 1 }\n}',
        },
        { config: locales, yamlTranslations: '    de:\n      subject: "Bestellung"\n' },
      ),
      errors: [
        { file: 'templates/order/email.de.html', message: 'German ("de") is not a language of this workspace', hint: 'add de to locales.languages' },
        { file: 'templates/order/message.yaml', at: 'de:', message: 'German ("de")' },
        { file: 'templates/order/samples/german.json', at: '"de"', message: 'German ("de")' },
      ],
    },
    {
      name: 'a file in the default language',
      files: project({ 'templates/order/sms.en.txt': 'x' }, { config: locales }),
      errors: [{ file: 'templates/order/sms.en.txt', message: 'is the default language' }],
    },
  ],
});

testRule(languagesMissingChannel, {
  invalid: [
    {
      name: 'a French email without a French SMS, at the sms section',
      files: project({ 'templates/order/email.fr.html': frenchEmail }, { config: locales, yamlTranslations: frenchInline }),
      errors: [{ file: 'templates/order/message.yaml', at: 'sms:', message: 'no French SMS (sms.fr.txt)' }],
    },
    {
      name: 'a French SMS without a French email, at the email section',
      files: project({ 'templates/order/sms.fr.txt': 'Commande {{ trigger.order_id }}' }, { config: locales }),
      errors: [{ file: 'templates/order/message.yaml', at: 'email:', message: 'no French email body (email.fr.html)' }],
    },
  ],
});

testRule(languagesUntranslated, {
  invalid: [
    {
      name: 'a French body whose subject and preheader were left in English',
      files: project(complete, { config: locales }),
      errors: [
        { file: 'templates/order/message.yaml', at: 'subject:', message: 'the subject has no French translation', hint: 'email.translations.fr.subject' },
        { file: 'templates/order/message.yaml', at: 'preheader:', message: 'the preheader has no French translation' },
      ],
    },
  ],
});

testRule(languagesAttributes, {
  valid: [{ name: 'the same attributes in both languages', files: project(complete, { yamlTranslations: frenchInline }) }],
  invalid: [
    {
      name: 'an attribute the French body leaves out, at its use in English; one only the French SMS reads, at that use',
      files: project(
        {
          'templates/order/email.fr.html': '<html lang="fr" dir="ltr"><body><p>Votre commande : {{ trigger.total | currency: "fr" }}</p></body></html>',
          'templates/order/sms.fr.txt': 'Commande {{ trigger.order_id }} : {{ trigger.total }}',
        },
        { yamlTranslations: frenchInline },
      ),
      errors: [
        {
          file: 'templates/order/email.html',
          at: 'trigger.order_id',
          message: '`trigger.order_id` is read by the English (en) email body but not by the French (fr) one',
        },
        {
          file: 'templates/order/sms.fr.txt',
          at: 'trigger.total',
          message: '`trigger.total` is read by the French (fr) SMS body but not by the English (en) one',
        },
      ],
    },
  ],
});

// https://docs.customer.io/messaging/liquid/tag-list/: currency and format_number take the locale as an argument.
testRule(languagesLocaleFormat, {
  valid: [{ name: 'the French body passes "fr"', files: project(complete, { yamlTranslations: frenchInline }) }],
  invalid: [
    {
      name: 'currency with a currency code only, format_number without a locale, a date with month names',
      files: project(
        {
          ...complete,
          'templates/order/email.fr.html':
            '<html lang="fr"><body>{{ trigger.order_id }} {{ trigger.total | currency: "EUR" }} {{ trigger.total | format_number: 2 }} {{ "now" | date: "%d %B %Y" }}</body></html>',
        },
        { yamlTranslations: frenchInline },
      ),
      errors: [
        { file: 'templates/order/email.fr.html', at: 'currency: "EUR"', message: '`currency` names no locale' },
        { file: 'templates/order/email.fr.html', at: 'format_number', message: '`format_number` names no locale' },
        { file: 'templates/order/email.fr.html', at: '%d %B %Y', message: 'English month and day names' },
      ],
    },
  ],
});

// GSM 03.38 basic table (/work/shared/docs/sms.md; ETSI TS 123 038 §6.2.1): é è ù à are in it, ê and
// lowercase ç are not; Cyrillic is not. Each language's SMS is checked on its own text.
testRule(smsEncoding, {
  valid: [
    {
      name: 'French with é è ù à only stays GSM-7',
      files: project({ ...complete, 'templates/order/sms.fr.txt': 'Commande {{ trigger.order_id }} livrée à la porte, où vous étiez.' }),
    },
  ],
  invalid: [
    {
      name: 'ê in the French SMS forces UCS-2, reported in sms.fr.txt',
      files: project({ ...complete, 'templates/order/sms.fr.txt': 'Commande {{ trigger.order_id }} prête.' }),
      errors: [{ file: 'templates/order/sms.fr.txt', at: 'ê', message: 'U+00EA' }],
    },
    {
      name: 'a Cyrillic letter in the Russian SMS forces UCS-2 (one diagnostic per character)',
      files: project({ ...complete, 'templates/order/sms.ru.txt': 'OK {{ trigger.order_id }} Ж' }),
      errors: [{ file: 'templates/order/sms.ru.txt', at: 'Ж', message: '"Ж" (U+0416) forces UCS-2' }],
    },
  ],
});

// 71 UCS-2 characters take 2 segments (/work/shared/docs/sms.md): the Arabic SMS does not fit the
// one segment the English one does.
testRule(smsMaxSegments, {
  invalid: [
    {
      name: 'an Arabic SMS of 71 characters is 2 segments',
      files: project({
        'templates/order/sms.ar.txt': `${'ب'.repeat(55)} {{ trigger.order_id }} ${'ب'.repeat(12)}`,
        'templates/order/samples/arabic.json': '{ "language": "ar", "trigger": { "order_id": "A1", "total": 10 } }',
      }),
      errors: [{ file: 'templates/order/sms.ar.txt', message: /2 segments/ }],
    },
  ],
});
