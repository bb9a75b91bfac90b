import type { Diagnostic } from '../../diagnostics/index.js';
import type { Message } from '../../workspace/index.js';
import type { ExportedMessage } from '../sync-target.js';
import { channelTargets } from './channel-targets.js';
import { desiredContent } from './content-fields.js';
import { customerioHandlebarsUnsupported } from '../../platforms/rules/index.js';

/**
 * What push writes to Customer.io for a message: the Liquid as written, the email compiled with
 * its tags intact. Customer.io derives an email's plain-text part itself, so `text` is empty.
 */
export async function exportMessageToCustomerio(message: Message, options: { workspaceRoot: string }): Promise<ExportedMessage> {
  const unsupported = customerioHandlebarsUnsupported.check(message);
  if (unsupported.length > 0) return { diagnostics: unsupported };
  const { targets, diagnostics: targetProblems } = channelTargets(message);
  const diagnostics: Diagnostic[] = [...targetProblems];
  const exported: ExportedMessage = { diagnostics };
  for (const target of targets) {
    const { content, diagnostics: problems } = await desiredContent(target, options.workspaceRoot);
    diagnostics.push(...problems);
    if (!content) continue;
    if (target.channel === 'sms') exported.sms = { text: content.body };
    else if (target.channel === 'whatsapp') exported.whatsapp = { text: content.body };
    else exported.email = { subject: content.subject ?? '', preheader: content.preheader_text ?? '', html: content.body, text: '' };
  }
  return exported;
}
