import type { Diagnostic } from '../../diagnostics/index.js';
import type { Drift } from '../plan.js';
import type { ChannelTarget } from './channel-targets.js';
import type { TransactionalContent } from './customerio-api.js';

interface Mailbox {
  name: string;
  address: string;
}

/** `Shop <orders@example.com>`, `"Shop" <orders@example.com>` or a bare address. */
function parseMailbox(text: string): Mailbox {
  const match = /^\s*(.*?)\s*<([^>]*)>\s*$/.exec(text);
  if (!match) return { name: '', address: text.trim().toLowerCase() };
  return { name: match[1]!.replace(/^"(.*)"$/, '$1'), address: match[2]!.trim().toLowerCase() };
}

/** The platform may report a sender identity without its display name: then the address decides. */
function sameMailbox(expected: string, actual: string): boolean {
  const want = parseMailbox(expected);
  const have = parseMailbox(actual);
  return want.address === have.address && (have.name === '' || want.name === have.name);
}

/**
 * Customer.io writes senders as sender-identity ids (`from_id`, `reply_to_id`) that message.yaml
 * does not know, so email.from / email.replyTo are compared with the addresses the platform
 * reports and differences are drift, fixed in the UI. Without a reported address there is
 * nothing to compare: a note says so.
 */
export function senderDrift(target: ChannelTarget, content: TransactionalContent, key: string): { drift: Drift[]; diagnostics: Diagnostic[] } {
  const email = target.message.definition.email;
  if (target.channel !== 'email' || !email) return { drift: [], diagnostics: [] };
  const drift: Drift[] = [];
  const diagnostics: Diagnostic[] = [];
  const compare = (field: 'from' | 'reply_to', expected: string | undefined, yamlKey: string) => {
    if (expected === undefined) return;
    const actual = content[field];
    if (typeof actual !== 'string') {
      diagnostics.push({
        ruleId: 'customerio/sender-not-compared',
        severity: 'info',
        message: `Customer.io did not report the ${field === 'from' ? 'sender' : 'reply-to'} address of content ${key}, so email.${yamlKey} is not compared`,
        file: target.message.file,
        ...target.message.document.locate(['email', yamlKey]),
      });
      return;
    }
    if (!sameMailbox(expected, actual)) {
      drift.push({ platform: 'customerio', messageId: target.message.id, kind: 'email-content', key, field, expected, actual });
    }
  };
  compare('from', email.from, 'from');
  compare('reply_to', email.replyTo, 'replyTo');
  return { drift, diagnostics };
}
