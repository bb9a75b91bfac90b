import type { Diagnostic } from '../../diagnostics/index.js';
import type { PlanStep } from '../plan.js';
import { targetDiagnostic, type ChannelTarget } from './channel-targets.js';

/**
 * The parts of a WhatsApp template besides its body. Customer.io builds a WhatsApp template in
 * its UI and submits it to Meta for approval
 * (https://customer.io/learn/message-composing/whatsapp-templates-guide); its App API documents
 * no content field for them, so txkit checks and previews them but does not publish them.
 */
const templateParts = ['header', 'media', 'footer', 'buttons'] as const;

/** An info note when message.yaml sets parts push leaves out, at the first of them. */
function unpublishedParts(target: ChannelTarget): Diagnostic | undefined {
  const whatsapp = target.message.definition.whatsapp;
  const set = templateParts.filter((part) => whatsapp?.[part] !== undefined);
  if (set.length === 0) return undefined;
  const names = set.map((part) => `whatsapp.${part}`).join(', ');
  return {
    ruleId: 'customerio/whatsapp-template-parts',
    severity: 'info',
    message: `${names} ${set.length === 1 ? 'is' : 'are'} not pushed: Customer.io keeps a WhatsApp template's header, media, footer and buttons in its UI, where Meta approves them`,
    hint: 'set them on the template in Customer.io to match; push publishes the body (whatsapp.txt) and the recipient (whatsapp.to)',
    file: target.message.file,
    ...target.message.document.locate(['whatsapp', set[0]!], 'key'),
  };
}

const changesBody = (step: PlanStep) => step.action !== 'unchanged' && step.changes.some((change) => change.path === 'body');

/** A warning when the push changes the body: Meta approves the template again before it goes out. */
function reapproval(target: ChannelTarget, step: PlanStep): Diagnostic | undefined {
  if (!changesBody(step)) return undefined;
  return targetDiagnostic(target, {
    ruleId: 'customerio/whatsapp-reapproval',
    severity: 'warning',
    message: `push changes the WhatsApp body of Customer.io content ${step.key}: the template must be resubmitted to Meta for approval before Customer.io sends the new text`,
    hint: "after the push, submit the template for approval in Customer.io's WhatsApp template editor and wait for Meta's approval",
  });
}

/**
 * What diff and push say about a WhatsApp content step besides its changes; a step that changes
 * the body gets a note push prints once it is written.
 */
export function annotateWhatsappStep(target: ChannelTarget, step: PlanStep): Diagnostic[] {
  if (changesBody(step)) step.note = 'body written; Customer.io sends it once the template is resubmitted to Meta and approved';
  return [unpublishedParts(target), reapproval(target, step)].filter((note): note is Diagnostic => note !== undefined);
}
