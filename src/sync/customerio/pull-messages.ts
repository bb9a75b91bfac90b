import path from 'node:path';
import { stringify } from 'yaml';
import { uniqueDiagnostics, type Diagnostic } from '../../diagnostics/index.js';
import type { Engines } from '../../render/index.js';
import { messageFileName, type Message, type ResolvedConfig } from '../../workspace/index.js';
import type { PulledMessage } from '../sync-target.js';
import { contentTypeOf, numericId } from './channel-targets.js';
import { defaultEmailRecipient } from './content-fields.js';
import type { CustomerioApi, TransactionalContent, TransactionalMessage } from './customerio-api.js';
import { settingsOf } from './settings-drift.js';
import { findTriggerNames } from './plan-messages.js';
import { sampleFor, withNewline } from './pulled-sample.js';
import { pulledTranslations, translatedVariants } from './pulled-translations.js';

export interface PullContext {
  api: CustomerioApi;
  engines: Engines;
  /** Workspace root: where the new folders will be, for the diagnostics' paths. */
  workspace: string;
  /** The workspace's languages, which pulled translations should be among. */
  config: Pick<ResolvedConfig, 'locales' | 'configFile' | 'projectRoot'>;
}

/** Ids and trigger names (lower case) the workspace already publishes to. */
function referencedBy(existing: readonly Message[]): { ids: Set<number>; triggers: Set<string> } {
  const ids = new Set<number>();
  const triggers = new Set<string>();
  for (const message of existing) {
    const target = message.definition.targets.customerio;
    for (const reference of [target?.transactionalMessageId, target?.sms?.transactionalMessageId, target?.whatsapp?.transactionalMessageId]) {
      if (reference === undefined) continue;
      const id = numericId(reference);
      if (id !== undefined) ids.add(id);
      else triggers.add(String(reference).toLowerCase());
    }
  }
  return { ids, triggers };
}

/** A folder name from the message name, unique among `taken` (the id disambiguates). */
function folderName(remote: TransactionalMessage, taken: ReadonlySet<string>): string {
  const slug = (remote.name || remote.trigger_name || '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const name = slug || `customerio-${remote.id}`;
  return taken.has(name) ? `${name}-${remote.id}` : name;
}

/** The default-language variant, else the first. */
function mainContent(contents: readonly TransactionalContent[]): TransactionalContent | undefined {
  return contents.find((content) => (content.language ?? '') === '') ?? contents[0];
}

/** The content types txkit authors (push and other actions are not pulled). */
const authoredTypes = new Set(Object.values(contentTypeOf));

const whatsappPartsComment =
  "# The WhatsApp template's header, footer and buttons are kept in Customer.io's UI and not pulled:\n" +
  '# add them under `whatsapp:` to preview and check them (push leaves them to Customer.io).\n';

/**
 * A new message folder for one remote transactional message: message.yaml with its target and
 * current settings (so a diff right after shows no drift), the body file and an example sample.
 * Required fields the platform leaves empty get a placeholder and a warning.
 */
function pulledFolder(
  remote: TransactionalMessage,
  content: TransactionalContent,
  translations: readonly TransactionalContent[],
  folder: string,
  context: PullContext,
): { message: PulledMessage; diagnostics: Diagnostic[] } {
  const file = path.join(context.workspace, folder, messageFileName);
  const warn = (ruleId: string, message: string): Diagnostic => ({ ruleId, severity: 'warning', message, file, line: 1, column: 1 });
  const diagnostics: Diagnostic[] = [];
  const language = content.language ?? '';
  const target = { transactionalMessageId: remote.id, ...(language ? { language } : {}), settings: settingsOf(remote) };
  const body = content.body ?? '';
  const recipient = content.recipient ?? '';
  const translated = pulledTranslations(content, translations, { ...context, file });
  diagnostics.push(...translated.diagnostics);
  const files: Record<string, string> = {};
  let definition: Record<string, unknown>;
  if (content.type === 'twilio') {
    files['sms.txt'] = withNewline(body);
    definition = { sms: { body: 'sms.txt', to: recipient || '{{customer.phone}}' }, targets: { customerio: { sms: target } } };
  } else if (content.type === contentTypeOf.whatsapp) {
    // The body and recipient only: the template's header, footer and buttons stay in Customer.io's UI (whatsapp-plan-notes.ts).
    files['whatsapp.txt'] = withNewline(body);
    definition = { whatsapp: { body: 'whatsapp.txt', to: recipient || '{{customer.phone}}' }, targets: { customerio: { whatsapp: target } } };
  } else {
    const subject = content.subject || remote.name;
    const from = content.from || 'Sender <sender@example.com>';
    if (!content.subject)
      diagnostics.push(warn('customerio/pulled-placeholder', `transactional message ${remote.id} has no subject: email.subject is a placeholder`));
    if (!content.from)
      diagnostics.push(warn('customerio/pulled-placeholder', `transactional message ${remote.id} has no sender address: email.from is a placeholder`));
    if (recipient && recipient.replace(/\s+/g, '') !== defaultEmailRecipient) {
      diagnostics.push(
        warn(
          'customerio/pulled-recipient',
          `transactional message ${remote.id} sends to ${recipient}; txkit publishes email to ${defaultEmailRecipient}, so a push would change it`,
        ),
      );
    }
    files['email.html'] = withNewline(body);
    definition = {
      email: {
        subject,
        ...(content.preheader_text ? { preheader: content.preheader_text } : {}),
        from,
        ...(content.reply_to ? { replyTo: content.reply_to } : {}),
        body: 'email.html',
        ...(translated.emailTranslations ? { translations: translated.emailTranslations } : {}),
      },
      targets: { customerio: target },
    };
  }
  const header =
    `# Pulled from Customer.io transactional message ${remote.id}${language ? ` (language "${language}")` : ''}.\n` +
    (content.type === contentTypeOf.whatsapp ? whatsappPartsComment : '');
  // lineWidth 0: a long subject stays on one line, where diagnostics can point inside it.
  files[messageFileName] =
    header +
    stringify(
      { name: remote.name || folder, ...(remote.description ? { description: remote.description } : {}), engine: 'liquid', ...definition },
      { lineWidth: 0 },
    );
  files['samples/example.json'] = sampleFor([body, content.subject ?? '', content.preheader_text ?? '', recipient], context.engines, file);
  Object.assign(files, translated.files);
  return { message: { id: folder, files }, diagnostics };
}

/**
 * Customer.io messages are referenced by id, so pulling updates nothing in place: it proposes a
 * new folder for each remote transactional message no workspace message refers to. Writing them
 * (never over an existing folder) is the caller's job.
 */
export async function pullMessages(existing: readonly Message[], context: PullContext): Promise<{ messages: PulledMessage[]; diagnostics: Diagnostic[] }> {
  const referenced = referencedBy(existing);
  // One list request serves both the trigger names and the messages to propose.
  const listed = await context.api.listMessages();
  const byTrigger = referenced.triggers.size > 0 ? await findTriggerNames(referenced.triggers, listed, context.api) : new Map<string, number>();
  const referencedIds = new Set([...referenced.ids, ...byTrigger.values()]);
  const remote = listed.filter((message) => !referencedIds.has(message.id));
  const taken = new Set(existing.map((message) => message.id));
  const messages: PulledMessage[] = [];
  const diagnostics: Diagnostic[] = [];
  const contents = await Promise.all(remote.map((message) => context.api.getContents(message.id)));
  // Read by id: the settings it records (trigger name included) are not all in the list answer.
  const read = await Promise.all(remote.map(async (message, index) => (mainContent(contents[index] ?? []) ? context.api.getMessage(message.id) : undefined)));
  remote.forEach((listed, index) => {
    const message = read[index] ?? listed;
    const content = mainContent(contents[index] ?? []);
    if (!content || (content.type !== undefined && !authoredTypes.has(content.type))) return; // push and empty messages have nothing txkit authors
    const folder = folderName(message, taken);
    taken.add(folder);
    const pulled = pulledFolder(message, content, translatedVariants(content, contents[index] ?? []), folder, context);
    diagnostics.push(...pulled.diagnostics);
    messages.push(pulled.message);
  });
  // A language missing from locales is one warning, however many pulled messages are in it.
  return { messages, diagnostics: uniqueDiagnostics(diagnostics) };
}
