import path from 'node:path';
import pLimit from 'p-limit';
import { stringify } from 'yaml';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { analyzeSms } from '../../sms/index.js';
import { isLanguageCode, languageName, languageViews, type Message } from '../../workspace/index.js';
import { languageKeysOf, languageOfKey } from '../../platforms/sfmc/language-keys.js';
import { sfmcPublication } from '../../platforms/sfmc/message-export.js';
import type { PulledMessage } from '../sync-target.js';
import type { SfmcApi, SfmcChannel, SfmcObject } from './sfmc-api.js';

export interface PullOptions {
  /** The workspace folder, to name the files diagnostics point at. */
  workspaceRoot: string;
  concurrency: number;
}

interface PullResult {
  messages: PulledMessage[];
  diagnostics: Diagnostic[];
}

/** What pulled content is, said once at the top of every pulled message.yaml. */
const PULLED_NOTE = [
  "# Pulled from SFMC by `txkit pull`. The content files hold SFMC's content as it is there,",
  "# in SFMC's own personalization (AMPscript %%...%% / GTL {{...}}) if it uses any: rewrite that as",
  '# {{ customer.* }} / {{ trigger.* }} before pushing; `txkit validate` shows what cannot be published.',
].join('\n');

/**
 * Transactional definitions in SFMC that no workspace message publishes (by definitionKey),
 * with their content (the email asset's views, the SMS text), as new message folders. Each
 * definition becomes one message: SFMC does not say which email and SMS belong together.
 */
export async function pullSfmc(api: SfmcApi, existing: readonly Message[], options: PullOptions): Promise<PullResult> {
  const known: Record<SfmcChannel, Set<string>> = { email: new Set(), sms: new Set() };
  for (const view of existing.flatMap(languageViews)) {
    const publication = sfmcPublication(view);
    if (publication?.email) known.email.add(publication.email.definitionKey.toLowerCase());
    if (publication?.sms) known.sms.add(publication.sms.definitionKey.toLowerCase());
  }
  const limit = pLimit(options.concurrency);
  const result: PullResult = { messages: [], diagnostics: [] };
  const usedIds = new Set(existing.map((message) => message.id));
  for (const channel of ['email', 'sms'] as const) {
    const unknown = (await api.listDefinitions(channel)).filter((summary) => !known[channel].has(summary.definitionKey.toLowerCase()));
    // A new language of a workspace message is that message's, not a message of its own.
    const summaries = unknown.filter((summary) => {
      const translation = translationOf(existing, channel, summary.definitionKey);
      if (translation) result.diagnostics.push(translationNotPulled(translation, channel, summary.definitionKey));
      return !translation;
    });
    const definitions = await Promise.all(summaries.map((summary) => limit(() => api.getDefinition(channel, summary.definitionKey))));
    for (const definition of definitions) {
      if (!definition) continue; // deleted between the list and the read
      const id = folderName(String(definition.definitionKey), channel, usedIds);
      const file = (name: string) => path.join(options.workspaceRoot, id, name);
      const pulled = channel === 'email' ? await pullEmail(api, id, definition, file) : pullSms(id, definition, file);
      result.diagnostics.push(...pulled.diagnostics);
      if (pulled.message) {
        usedIds.add(id);
        result.messages.push(pulled.message);
      }
    }
  }
  return result;
}

interface TranslationMatch {
  message: Message;
  language: string;
}

/** The workspace message whose `languageKeys` make `definitionKey` of its own key, and the language they name. */
function translationOf(messages: readonly Message[], channel: SfmcChannel, definitionKey: string): TranslationMatch | undefined {
  for (const message of messages) {
    const target = message.definition.targets.sfmc;
    const key = channel === 'email' ? target?.definitionKey : target?.sms?.definitionKey;
    if (!target || key === undefined) continue;
    const language = languageOfKey(languageKeysOf(target), key, definitionKey);
    if (language !== undefined && isLanguageCode(language)) return { message, language };
  }
  return undefined;
}

/** A translation SFMC has and the workspace lacks: what to create to keep it (pull never writes into an existing folder). */
function translationNotPulled({ message, language }: TranslationMatch, channel: SfmcChannel, definitionKey: string): Diagnostic {
  const target = message.definition.targets.sfmc!;
  const name = languageName(language) ?? language;
  const body = channel === 'email' ? (message.definition.email?.body ?? 'email.mjml') : (message.definition.sms?.body ?? 'sms.txt');
  const translated = body.replace(/(\.[^.]+)$/, `.${language}$1`);
  const setting = target.languageKeys !== undefined ? ['languageKeys'] : channel === 'email' ? ['definitionKey'] : ['sms', 'definitionKey'];
  return {
    ruleId: 'sfmc/pull',
    severity: 'warning',
    message: `${channel === 'email' ? 'email' : 'SMS'} definition ${definitionKey} is the ${name} translation of message ${message.id} (languageKeys "${languageKeysOf(target)}"), which has no ${name} ${channel === 'email' ? 'email' : 'SMS'}: not pulled`,
    hint: `to keep it, write its content to ${path.join(message.id, translated)}${channel === 'email' ? ` with email.translations.${language} in message.yaml` : ''}; txkit push then updates it`,
    file: message.file,
    ...message.document.locate(['targets', 'sfmc', ...setting], 'value'),
  };
}

/** The definitionKey as a folder name, made unique among the workspace's and this pull's. */
function folderName(definitionKey: string, channel: SfmcChannel, used: Set<string>): string {
  const base =
    definitionKey
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^[-_]+|-+$/g, '') || `sfmc-${channel}`;
  const taken = (candidate: string) => used.has(candidate);
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

type Pulled = { message?: PulledMessage; diagnostics: Diagnostic[] };

function record(value: unknown): SfmcObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as SfmcObject) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function view(asset: SfmcObject, name: string): string {
  return text(record(record(asset.views)[name]).content);
}

async function pullEmail(api: SfmcApi, id: string, definition: SfmcObject, file: (name: string) => string): Promise<Pulled> {
  const customerKey = text(record(definition.content).customerKey);
  const asset = customerKey ? await api.findAsset(customerKey) : undefined;
  if (!asset) {
    return {
      diagnostics: [
        warning(
          file('message.yaml'),
          `email definition ${String(definition.definitionKey)} was not pulled: its content asset "${customerKey}" is not in Content Builder`,
        ),
      ],
    };
  }
  const html = view(asset, 'html');
  const plain = view(asset, 'text');
  const subscriptions = record(definition.subscriptions);
  const options = record(definition.options);
  const categoryId = record(asset.category).id;
  const yaml = {
    name: text(definition.name) || id,
    ...(text(definition.description) ? { description: text(definition.description) } : {}),
    engine: engineFor(html),
    email: {
      subject: view(asset, 'subjectline') || text(definition.name) || id,
      ...(view(asset, 'preheader') ? { preheader: view(asset, 'preheader') } : {}),
      from: 'Set in SFMC by the send classification <sender@example.com>',
      body: 'email.html',
      ...(plain ? { text: 'email.txt' } : {}),
    },
    targets: {
      sfmc: {
        definitionKey: String(definition.definitionKey),
        customerKey,
        ...(text(definition.classification) ? { classification: text(definition.classification) } : {}),
        ...(definition.status === 'Inactive' ? { status: 'Inactive' } : {}),
        ...(typeof options.trackLinks === 'boolean' ? { trackLinks: options.trackLinks } : {}),
        ...(Number.isInteger(categoryId) ? { categoryId } : {}),
        ...subscriptionSettings(subscriptions),
      },
    },
  };
  const files: Record<string, string> = {
    'message.yaml': messageYaml(yaml, '# `from` is for the preview only: SFMC takes the sender from the send classification.'),
    'email.html': html,
    ...(plain ? { 'email.txt': plain } : {}),
    'samples/example.json': sampleJson({}),
  };
  return { message: { id, files }, diagnostics: personalizationNotice(file('email.html'), html) };
}

function pullSms(id: string, definition: SfmcObject, file: (name: string) => string): Pulled {
  const subscriptions = record(definition.subscriptions);
  const body = text(record(definition.content).message);
  const shortCode = text(subscriptions.shortCode);
  const keyword = text(subscriptions.keyword);
  if (!shortCode || !keyword) {
    return {
      diagnostics: [
        warning(
          file('message.yaml'),
          `SMS definition ${String(definition.definitionKey)} was not pulled: SFMC did not return its ${shortCode ? 'keyword' : 'short code'}`,
        ),
      ],
    };
  }
  const yaml = {
    name: text(definition.name) || id,
    ...(text(definition.description) ? { description: text(definition.description) } : {}),
    engine: engineFor(body),
    sms: { body: 'sms.txt', to: '{{ customer.phone }}', maxSegments: Math.min(10, Math.max(1, analyzeSms(body).segments)) },
    targets: {
      sfmc: {
        sms: {
          definitionKey: String(definition.definitionKey),
          shortCode,
          keyword,
          ...(text(subscriptions.countryCode) ? { countryCode: text(subscriptions.countryCode) } : {}),
          ...(definition.status === 'Inactive' ? { status: 'Inactive' } : {}),
        },
      },
    },
  };
  const files = {
    'message.yaml': messageYaml(yaml),
    'sms.txt': body,
    'samples/example.json': sampleJson({ phone: '+14155552671' }),
  };
  return { message: { id, files }, diagnostics: personalizationNotice(file('sms.txt'), body) };
}

/** GTL is Handlebars-compatible, so content written in it previews with the Handlebars engine. */
function engineFor(content: string): 'liquid' | 'handlebars' {
  return content.includes('{{') ? 'handlebars' : 'liquid';
}

function subscriptionSettings(subscriptions: SfmcObject): { subscriptions?: { list?: string; dataExtension?: string } } {
  const list = text(subscriptions.list);
  const dataExtension = text(subscriptions.dataExtension);
  if (!list && !dataExtension) return {};
  return { subscriptions: { ...(list ? { list } : {}), ...(dataExtension ? { dataExtension } : {}) } };
}

function messageYaml(value: object, note?: string): string {
  return `${PULLED_NOTE}\n${note ? `${note}\n` : ''}${stringify(value, { lineWidth: 0 })}`;
}

function sampleJson(customer: Record<string, string>): string {
  return `${JSON.stringify({ customer, trigger: {} }, null, 2)}\n`;
}

function personalizationNotice(file: string, content: string): Diagnostic[] {
  if (!content.includes('%%') && !content.includes('{{')) return [];
  return [
    {
      ruleId: 'sfmc/pulled-personalization',
      severity: 'warning',
      message: 'pulled as-is with SFMC personalization (AMPscript or GTL), which txkit does not publish',
      hint: 'rewrite it with {{ customer.* }} / {{ trigger.* }} attributes before pushing; txkit validate lists each construct',
      file,
      line: 1,
      column: 1,
    },
  ];
}

function warning(file: string, message: string): Diagnostic {
  return { ruleId: 'sfmc/pull', severity: 'warning', message, file, line: 1, column: 1 };
}
