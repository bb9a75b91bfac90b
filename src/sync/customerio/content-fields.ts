import type { Diagnostic } from '../../diagnostics/index.js';
import { compileEmail } from '../../email/compile-email.js';
import type { ChannelTarget } from './channel-targets.js';
import type { ContentHeader, ContentUpdate, TransactionalContent } from './customerio-api.js';

/** Who a transactional email goes to: message.yaml has no recipient field, so the profile's address. */
export const defaultEmailRecipient = '{{customer.email}}';

/** The content fields txkit manages; every other writable field keeps its remote value. */
export interface ManagedContent {
  body: string;
  recipient: string;
  subject?: string;
  preheader_text?: string;
}

/**
 * What the workspace says a channel's content is. Email: the compiled HTML with personalization
 * tags intact (Customer.io personalizes at send time), subject, preheader; SMS: the sms.txt body;
 * WhatsApp: the whatsapp.txt body.
 * An email that does not compile is not published.
 */
export async function desiredContent(target: ChannelTarget, workspaceRoot: string): Promise<{ content?: ManagedContent; diagnostics: Diagnostic[] }> {
  const { email, sms, whatsapp } = target.message;
  // WhatsApp: only the body and recipient; header, footer and buttons stay in Customer.io's UI (whatsapp-template-parts.ts).
  if (target.channel === 'whatsapp') {
    return whatsapp ? { content: { body: whatsapp.body.text, recipient: whatsapp.to.text }, diagnostics: [] } : { diagnostics: [] };
  }
  if (target.channel === 'sms') {
    return sms ? { content: { body: sms.body.text, recipient: sms.to.text }, diagnostics: [] } : { diagnostics: [] };
  }
  if (!email) return { diagnostics: [] };
  const compiled = await compileEmail(email, { workspaceRoot });
  if (compiled.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { diagnostics: compiled.diagnostics };
  return {
    content: { body: compiled.html, subject: email.subject.text, preheader_text: email.preheader?.text ?? '', recipient: defaultEmailRecipient },
    diagnostics: compiled.diagnostics,
  };
}

/**
 * The form two values are compared in, so formatting the platform adds or drops is no change:
 * line endings and trailing whitespace; in the recipient, spaces inside `{{ }}`.
 */
function normalize(field: keyof ManagedContent, value: string): string {
  const text = value.replace(/\r\n/g, '\n');
  if (field === 'body') return text.trimEnd();
  if (field === 'recipient')
    return text
      .trim()
      .replace(/\{\{\s*/g, '{{')
      .replace(/\s*\}\}/g, '}}');
  return text.trim();
}

/** The managed fields, desired and remote, in comparable form (a field the remote lacks is ''). */
export function comparableContent(desired: ManagedContent, remote: TransactionalContent): { desired: Record<string, string>; remote: Record<string, string> } {
  const fields = Object.keys(desired) as (keyof ManagedContent)[];
  return {
    desired: Object.fromEntries(fields.map((field) => [field, normalize(field, desired[field] ?? '')])),
    remote: Object.fromEntries(fields.map((field) => [field, normalize(field, typeof remote[field] === 'string' ? remote[field] : '')])),
  };
}

/** GET returns headers as a JSON string, PUT takes an array; undefined when they cannot be read. */
export function parseHeaders(headers: TransactionalContent['headers']): ContentHeader[] | undefined {
  if (headers === undefined || headers === null || headers === '') return [];
  let value: unknown = headers;
  if (typeof headers === 'string') {
    try {
      value = JSON.parse(headers);
    } catch {
      return undefined;
    }
  }
  const isHeader = (item: unknown): item is ContentHeader =>
    typeof item === 'object' && item !== null && typeof (item as ContentHeader).name === 'string' && typeof (item as ContentHeader).value === 'string';
  return Array.isArray(value) && value.every(isHeader) ? value : undefined;
}

/** The full PUT body: the managed fields from the workspace, the rest as the platform has them. */
export function contentUpdate(remote: TransactionalContent, headers: ContentHeader[], desired: ManagedContent): ContentUpdate {
  const current: ContentUpdate = {
    body: remote.body ?? '',
    body_amp: remote.body_amp ?? '',
    subject: remote.subject ?? '',
    preheader_text: remote.preheader_text ?? '',
    recipient: remote.recipient ?? '',
    from_id: remote.from_id ?? null,
    reply_to_id: remote.reply_to_id ?? null,
    headers,
  };
  return { ...current, ...desired };
}
