import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { readTemplateFile, sentAsWritten } from './read-template-file.js';
import { workspaceLanguages } from './languages.js';
import { loadTranslations } from './load-translations.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { ResolvedConfig } from './config.js';
import { resolveInside } from './confined-path.js';
import { parseSample } from './load-sample.js';
import type { MessageDefinition } from './message-schema.js';
import { plainMessageDefinition } from './plain-settings.js';
import type { BrokenMessage, EmailTemplates, Message, Sample, SmsTemplates, WhatsappTemplates } from './model.js';
import { whatsappInlineTemplates } from './whatsapp-templates.js';
import { schemaDiagnostics } from './schema-diagnostics.js';
import { parseYaml, type LocatedDocument, type PathSegment } from './yaml-document.js';
import { fileSizeLimits, readWorkspaceFile } from './workspace-file.js';
import { messageFileName } from './project-layout.js';
import { schemaMessage } from './rules/schema-message.js';
import { syntaxJson } from './rules/syntax-json.js';
import { workspacePath } from './rules/workspace-path.js';
import { workspaceRead } from './rules/workspace-read.js';

/** `<message>/samples/`: every `*.json` file in it is a sample. */
export function samplesDir(messageDir: string): string {
  return path.join(messageDir, 'samples');
}

/** `<message>/samples/<name>.json`: the file `--sample name` selects. */
export function samplePath(messageDir: string, name: string): string {
  return path.join(samplesDir(messageDir), `${name}.json`);
}

type JsonSchemaNode = {
  $ref?: string;
  $defs?: Record<string, JsonSchemaNode>;
  properties?: Record<string, JsonSchemaNode>;
  additionalProperties?: JsonSchemaNode | boolean;
  anyOf?: JsonSchemaNode[];
  items?: JsonSchemaNode;
};

/** Follows `#/$defs/…` references (recursive schemas such as attribute specs are emitted that way). */
function dereference(root: JsonSchemaNode, node: JsonSchemaNode | undefined): JsonSchemaNode | undefined {
  const name = node?.$ref?.replace(/^#\/\$defs\//, '');
  return name !== undefined ? root.$defs?.[name] : node;
}

/** The keys message.yaml allows at `path`, for "expected one of" hints on unknown keys. */
function knownKeysAt(root: JsonSchemaNode, objectPath: readonly PathSegment[]): string[] {
  let node: JsonSchemaNode | undefined = root;
  for (const segment of objectPath) {
    const candidates: JsonSchemaNode[] = node?.anyOf ?? (node ? [node] : []);
    const withProperty = candidates.find((candidate) => candidate.properties?.[String(segment)]);
    node = dereference(
      root,
      withProperty?.properties?.[String(segment)] ??
        (candidates.find((candidate) => typeof candidate.additionalProperties === 'object')?.additionalProperties as JsonSchemaNode | undefined),
    );
  }
  const object = node?.anyOf?.find((candidate) => candidate.properties) ?? node;
  return Object.keys(object?.properties ?? {});
}

async function loadEmail(
  workspaceRoot: string,
  message: { dir: string; document: LocatedDocument },
  definition: MessageDefinition,
): Promise<{ email?: EmailTemplates; diagnostics: Diagnostic[] }> {
  const email = definition.email;
  if (!email) return { diagnostics: [] };
  const body = await readTemplateFile(workspaceRoot, message, email.body, ['email', 'body']);
  const text = email.text ? await readTemplateFile(workspaceRoot, message, email.text, ['email', 'text']) : undefined;
  const diagnostics = [...body.diagnostics, ...(text?.diagnostics ?? [])];
  const inline = (key: string) => message.document.templateAt(['email', key]);
  const subject = inline('subject');
  const from = inline('from');
  if (!body.source || !subject || !from) return { diagnostics };
  const preheader = inline('preheader');
  const replyTo = inline('replyTo');
  return {
    email: {
      definition: email,
      bodyKind: email.body.endsWith('.mjml') ? 'mjml' : 'html',
      body: body.source,
      subject,
      from,
      ...(text?.source ? { text: text.source } : {}),
      ...(preheader ? { preheader } : {}),
      ...(replyTo ? { replyTo } : {}),
    },
    diagnostics,
  };
}

async function loadSms(
  workspaceRoot: string,
  message: { dir: string; document: LocatedDocument },
  definition: MessageDefinition,
): Promise<{ sms?: SmsTemplates; diagnostics: Diagnostic[] }> {
  const sms = definition.sms;
  if (!sms) return { diagnostics: [] };
  const body = await readTemplateFile(workspaceRoot, message, sms.body, ['sms', 'body']);
  const to = message.document.templateAt(['sms', 'to']);
  if (!body.source || !to) return { diagnostics: body.diagnostics };
  return { sms: { definition: sms, body: sentAsWritten(body.source), to }, diagnostics: body.diagnostics };
}

async function loadWhatsapp(
  workspaceRoot: string,
  message: { dir: string; document: LocatedDocument },
  definition: MessageDefinition,
): Promise<{ whatsapp?: WhatsappTemplates; diagnostics: Diagnostic[] }> {
  const whatsapp = definition.whatsapp;
  if (!whatsapp) return { diagnostics: [] };
  const body = await readTemplateFile(workspaceRoot, message, whatsapp.body, ['whatsapp', 'body']);
  const inline = whatsappInlineTemplates(message.document, whatsapp);
  if (!body.source || !inline) return { diagnostics: body.diagnostics };
  return { whatsapp: { definition: whatsapp, body: sentAsWritten(body.source), ...inline }, diagnostics: body.diagnostics };
}

/** Which of a message's samples to load, given the names (without .json) of all of them. */
export type SampleSelection = (names: readonly string[]) => readonly string[];

async function loadSamples(workspaceRoot: string, dir: string, select: SampleSelection | undefined): Promise<{ samples: Sample[]; diagnostics: Diagnostic[] }> {
  const folder = samplesDir(dir);
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { samples: [], diagnostics: [] };
    // A samples folder txkit cannot list is a problem to report, not a message without samples.
    return {
      samples: [],
      diagnostics: [
        {
          ruleId: workspaceRead.meta.id,
          severity: workspaceRead.meta.defaultSeverity,
          message: `cannot read the samples folder (${code ?? 'error'})`,
          file: folder,
          line: 1,
          column: 1,
          hint: 'samples/ is a folder of .json files txkit can read',
        },
      ],
    };
  }
  if (select) {
    const wanted = new Set(select(names.map((name) => name.slice(0, -'.json'.length))));
    names = names.filter((name) => wanted.has(name.slice(0, -'.json'.length)));
  }
  const samples: Sample[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of names) {
    const confined = resolveInside(workspaceRoot, folder, name);
    const file = path.join(folder, name);
    if (confined.problem !== undefined) {
      diagnostics.push({
        ruleId: workspacePath.meta.id,
        severity: workspacePath.meta.defaultSeverity,
        message: `sample ${confined.problem}`,
        file,
        line: 1,
        column: 1,
        hint: 'samples must be regular files inside the workspace',
      });
      continue;
    }
    const read = await readWorkspaceFile(confined.path, { root: workspaceRoot, maxBytes: fileSizeLimits.sample, ruleId: syntaxJson.meta.id });
    if (read.diagnostic) {
      diagnostics.push({ ...read.diagnostic, file });
      continue;
    }
    const parsed = parseSample(file, read.text);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.sample) samples.push(parsed.sample);
  }
  return { samples, diagnostics };
}

let jsonSchema: JsonSchemaNode | undefined;

/** The zod schema's verdict on a message.yaml that is not plainly valid: its definition, or why not. */
async function zodMessageDefinition(document: LocatedDocument): Promise<MessageDefinition | { diagnostics: Diagnostic[] }> {
  const [{ messageSchema }, { messageJsonSchema }] = await Promise.all([import('./message-schema.js'), import('./json-schemas.js')]);
  const result = messageSchema.safeParse(document.value ?? {});
  if (result.success) return result.data;
  const root = (jsonSchema ??= messageJsonSchema() as JsonSchemaNode);
  return { diagnostics: schemaDiagnostics(document, result.error, schemaMessage.meta.id, (objectPath) => knownKeysAt(root, objectPath)) };
}

export interface LoadMessageOptions {
  /** Load only these samples (`render --sample X` parses X alone); every sample when absent. */
  samples?: SampleSelection;
}

/**
 * Loads one message directory. Returns a Message when message.yaml is valid (even if a sample
 * or body file has problems: those are in `diagnostics`), or a BrokenMessage when it is not.
 */
export async function loadMessage(dir: string, config: ResolvedConfig, options: LoadMessageOptions = {}): Promise<Message | BrokenMessage> {
  const id = path.basename(dir);
  const file = path.join(dir, messageFileName);
  const broken = (diagnostics: Diagnostic[]): BrokenMessage => ({ id, dir, file, diagnostics });
  const read = await readWorkspaceFile(file, { root: config.workspace, maxBytes: fileSizeLimits.settings });
  if (read.diagnostic) return broken([read.diagnostic]);
  const { document, diagnostics: syntax } = parseYaml(file, read.text.replace(/^\uFEFF/, ''));
  if (!document) return broken(syntax);
  const definition = plainMessageDefinition(document.value ?? {}) ?? (await zodMessageDefinition(document));
  if (!('name' in definition)) return broken(definition.diagnostics);
  const context = { dir, document };
  const [email, sms, whatsapp, samples] = await Promise.all([
    loadEmail(config.workspace, context, definition),
    loadSms(config.workspace, context, definition),
    loadWhatsapp(config.workspace, context, definition),
    loadSamples(config.workspace, dir, options.samples),
  ]);
  const translated = await loadTranslations(config.workspace, config, {
    ...context,
    definition,
    ...(email.email ? { email: email.email } : {}),
    ...(sms.sms ? { sms: sms.sms } : {}),
    samples: samples.samples,
  });
  return {
    id,
    dir,
    file,
    definition,
    document,
    ...(email.email ? { email: email.email } : {}),
    ...(sms.sms ? { sms: sms.sms } : {}),
    ...(whatsapp.whatsapp ? { whatsapp: whatsapp.whatsapp } : {}),
    samples: samples.samples,
    language: workspaceLanguages(config).defaultLanguage,
    translations: translated.translations,
    diagnostics: [...email.diagnostics, ...sms.diagnostics, ...whatsapp.diagnostics, ...samples.diagnostics, ...translated.diagnostics],
  };
}

export function isBroken(message: Message | BrokenMessage): message is BrokenMessage {
  return message.definition === undefined;
}
