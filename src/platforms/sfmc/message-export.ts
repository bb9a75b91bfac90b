/**
 * A whole message as SFMC receives it: the email asset's views (html, text, subjectline,
 * preheader) and the SMS definition's text, exported from Liquid (AMPscript) or Handlebars
 * (GTL). Only the channels the message publishes to SFMC count: email needs
 * `targets.sfmc.definitionKey` and `customerKey`, SMS needs `targets.sfmc.sms`.
 */

import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { compileEmail } from '../../email/compile-email.js';
import type { TemplateSource } from '../../render/index.js';
import { languageName, type Message, type PathSegment, type SfmcTarget } from '../../workspace/index.js';
import type { ExportedMessage } from '../exported-message.js';
import { schemaMessage } from '../../workspace/rules/index.js';
import { sfmcMissingList, sfmcUnsupportedConstruct } from '../rules/index.js';
import { exportHandlebarsToSfmc } from './handlebars-export.js';
import { languageKey, languageKeysOf, sfmcKeyMaxLength } from './language-keys.js';
import { exportToSfmc, type SfmcExport, type SfmcExportOptions } from './personalization-export.js';
import { plainTextTemplate } from './plain-text-template.js';

/** The SFMC objects a message publishes: its email (asset + definition) and/or its SMS definition. */
export interface SfmcPublication {
  target: SfmcTarget;
  email?: { definitionKey: string; customerKey: string };
  sms?: NonNullable<SfmcTarget['sms']>;
  /** Set for a translation's view: its objects have their own keys (`languageKeys`) and say the language in their names. */
  language?: string;
}

/** Settings from txkit.config.yaml the SFMC export needs. */
export interface SfmcDefaults {
  /** `targets.sfmc.list`: the subscriber list of definitions whose message.yaml names none. */
  list?: string;
}

/**
 * The subscriber list (external key) an email definition names: required by SFMC on create and
 * update (RequestCreateSendDefinition, updateMessageDefinition: `subscriptions.list`).
 */
export function sfmcList(target: SfmcTarget, defaults: SfmcDefaults = {}): string | undefined {
  return target.subscriptions?.list ?? target.list ?? defaults.list;
}

/**
 * What the message publishes to SFMC; undefined when it has no SFMC target or the target names
 * nothing it has. For a translation's view (`inLanguage`), the keys are that language's.
 */
export function sfmcPublication(message: Message): SfmcPublication | undefined {
  const target = message.definition.targets.sfmc;
  if (!target) return undefined;
  const language = message.translationView ? message.language : undefined;
  const keyOf = (key: string) => (language === undefined ? key : languageKey(languageKeysOf(target), key, language));
  const { definitionKey, customerKey, sms } = target;
  const email =
    message.email && definitionKey !== undefined && customerKey !== undefined
      ? { definitionKey: keyOf(definitionKey), customerKey: keyOf(customerKey) }
      : undefined;
  const publishesSms = message.sms !== undefined && sms !== undefined;
  if (!email && !publishesSms) return undefined;
  return {
    target,
    ...(email ? { email } : {}),
    ...(publishesSms ? { sms: { ...sms, definitionKey: keyOf(sms.definitionKey) } } : {}),
    ...(language !== undefined ? { language } : {}),
  };
}

/** The templates a message publishes to SFMC: the email asset's views and the SMS text. */
export function sfmcSources(message: Message): TemplateSource[] {
  const publication = sfmcPublication(message);
  const sources: TemplateSource[] = [];
  if (publication?.email && message.email) {
    const { subject, preheader, body, text } = message.email;
    sources.push(subject, body, ...(preheader ? [preheader] : []), ...(text ? [text] : []));
  }
  if (publication?.sms && message.sms) sources.push(message.sms.body);
  return sources;
}

/**
 * What `txkit validate` reports for SFMC: constructs with no faithful SFMC translation in the
 * templates the message publishes there, and SFMC targets that name a channel incompletely.
 * `sources` defaults to sfmcSources(message); validate passes the MJML body with its partials
 * inlined so a construct inside a partial is reported in the partial. Syntax errors are left
 * to the engines' own rules.
 */
export function checkSfmcExport(message: Message, sources: readonly TemplateSource[] = sfmcSources(message), defaults: SfmcDefaults = {}): Diagnostic[] {
  const diagnostics = checkSfmcTarget(message, defaults);
  for (const source of sources) {
    diagnostics.push(...exportSfmcTemplate(message, source).diagnostics.filter((diagnostic) => diagnostic.ruleId === sfmcUnsupportedConstruct.meta.id));
  }
  return diagnostics;
}

/** The published form of the message, compiled (MJML) and exported; `diagnostics` blocks publishing when it holds an error. */
export async function exportMessageToSfmc(message: Message, options: { workspaceRoot: string; defaults?: SfmcDefaults }): Promise<ExportedMessage> {
  const diagnostics = checkSfmcTarget(message, options.defaults);
  const publication = sfmcPublication(message);
  const exported: ExportedMessage = { diagnostics };
  if (publication?.email && message.email) {
    const { subject, preheader, text } = message.email;
    const compiled = await compileEmail(message.email, options);
    diagnostics.push(...compiled.diagnostics);
    const html = exportSfmcTemplate(message, compiled.source);
    const parts = {
      subject: exportSfmcTemplate(message, subject),
      preheader: preheader ? exportSfmcTemplate(message, preheader) : { output: '', diagnostics: [] },
      html,
      text: text ? exportSfmcTemplate(message, text) : generatedText(message, compiled.html, html),
    };
    for (const part of Object.values(parts)) diagnostics.push(...part.diagnostics);
    exported.email = { subject: parts.subject.output, preheader: parts.preheader.output, html: parts.html.output, text: parts.text.output };
  }
  if (publication?.sms && message.sms) {
    const body = exportSfmcTemplate(message, message.sms.body);
    diagnostics.push(...body.diagnostics);
    exported.sms = { text: body.output };
  }
  return exported;
}

/**
 * The text view generated from the HTML when message.yaml names no text file. Its constructs
 * are the body's, reported there; but the conversion can also drop a tag (one between table
 * rows), which breaks the text alone: that is reported once, on the body.
 */
function generatedText(message: Message, compiledHtml: string, html: SfmcExport): SfmcExport {
  const file = message.email!.body.file;
  const text = exportSfmcTemplate(message, { file, text: plainTextTemplate(compiledHtml), locate: () => ({ line: 1, column: 1 }) }, { textFromHtml: true });
  const broken = text.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (!broken || html.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { output: text.output, diagnostics: [] };
  return {
    output: text.output,
    diagnostics: [
      {
        ruleId: broken.ruleId,
        severity: 'error',
        message: `the plain-text version generated from this HTML cannot be published to SFMC: ${broken.message}`,
        hint: 'write the plain-text version yourself and name it in message.yaml (email.text: email.txt)',
        file,
        line: 1,
        column: 1,
      },
    ],
  };
}

/** One template of the message exported with its engine's exporter (Liquid → AMPscript, Handlebars → GTL), positions in its file. */
export function exportSfmcTemplate(message: Message, source: TemplateSource, view: Pick<SfmcExportOptions, 'textFromHtml'> = {}): SfmcExport {
  const attributeMap = message.definition.targets.sfmc?.attributeMap;
  const exporter = message.definition.engine === 'handlebars' ? exportHandlebarsToSfmc : exportToSfmc;
  return exporter(source.text, {
    file: source.file,
    locate: source.locate,
    profilePaths: profilePaths(message),
    ...view,
    ...(attributeMap ? { attributeMap } : {}),
  });
}

/** `customer.<name>` for each customer attribute message.yaml marks `profile: true` (a subscriber profile attribute in SFMC). */
function profilePaths(message: Message): Set<string> {
  const customer = message.definition.attributes.customer ?? {};
  return new Set(Object.entries(customer).flatMap(([name, spec]) => (spec.profile ? [`customer.${name}`] : [])));
}

/** An SFMC target that names half of the email, a channel the message does not have, or no subscriber list for its email. */
export function checkSfmcTarget(message: Message, defaults: SfmcDefaults = {}): Diagnostic[] {
  const target = message.definition.targets.sfmc;
  if (!target) return [];
  const problems: Diagnostic[] = [];
  const problem = (path: PathSegment[], text: string, hint: string) =>
    problems.push({
      ruleId: schemaMessage.meta.id,
      severity: schemaMessage.meta.defaultSeverity,
      message: text,
      hint,
      file: message.file,
      ...message.document.locate(['targets', 'sfmc', ...path], 'key'),
    });
  const { definitionKey, customerKey, sms } = target;
  if ((definitionKey === undefined) !== (customerKey === undefined)) {
    const missing = definitionKey === undefined ? 'definitionKey' : 'customerKey';
    problem(
      [definitionKey === undefined ? 'customerKey' : 'definitionKey'],
      `targets.sfmc needs ${missing} too to publish the email`,
      'the email is a Content Builder asset (customerKey) sent by a transactional send definition (definitionKey)',
    );
  } else if (definitionKey !== undefined && !message.definition.email) {
    problem(
      ['definitionKey'],
      'targets.sfmc names an email definition, but the message has no email',
      'add an email section, or remove definitionKey and customerKey',
    );
  }
  if (definitionKey !== undefined && customerKey !== undefined && message.definition.email && sfmcList(target, defaults) === undefined) {
    problems.push({
      ruleId: sfmcMissingList.meta.id,
      severity: sfmcMissingList.meta.defaultSeverity,
      message: 'the SFMC email definition names no subscriber list: SFMC refuses a definition without subscriptions.list',
      hint: 'set targets.sfmc.list in txkit.config.yaml (for every message) or in this message.yaml, e.g. "All Subscribers - 123" (Email Studio > Subscribers > Lists, the external key)',
      file: message.file,
      ...message.document.locate(['targets', 'sfmc', 'definitionKey'], 'key'),
    });
  }
  if (sms && !message.definition.sms)
    problem(['sms'], 'targets.sfmc.sms names an SMS definition, but the message has no sms', 'add an sms section, or remove targets.sfmc.sms');
  return [...problems, ...languageKeyProblems(message, target)];
}

/** A translation's keys that SFMC would refuse: longer than its 36 characters. */
function languageKeyProblems(message: Message, target: SfmcTarget): Diagnostic[] {
  const publication = sfmcPublication(message);
  if (publication?.language === undefined) return [];
  const language = publication.language;
  const keys: { setting: PathSegment[]; object: string; key: string | undefined }[] = [
    { setting: ['definitionKey'], object: 'email definition', key: publication.email?.definitionKey },
    { setting: ['customerKey'], object: 'email asset', key: publication.email?.customerKey },
    { setting: ['sms', 'definitionKey'], object: 'SMS definition', key: publication.sms?.definitionKey },
  ];
  const named = target.languageKeys !== undefined;
  return keys.flatMap(({ setting, object, key }) =>
    key === undefined || key.length <= sfmcKeyMaxLength
      ? []
      : [
          {
            ruleId: schemaMessage.meta.id,
            severity: schemaMessage.meta.defaultSeverity,
            message: `the ${languageName(language) ?? language} ${object} key "${key}" (languageKeys "${languageKeysOf(target)}") is ${key.length} characters: SFMC allows at most ${sfmcKeyMaxLength}`,
            hint: `shorten ${setting.join('.')} (each language's key is made from it)${named ? ', or languageKeys' : ', or set targets.sfmc.languageKeys to a shorter pattern such as "{key}{language}"'}`,
            file: message.file,
            ...message.document.locate(['targets', 'sfmc', ...(named ? ['languageKeys'] : setting)], 'value'),
          },
        ],
  );
}
