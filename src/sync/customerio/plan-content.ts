import type { Diagnostic } from '../../diagnostics/index.js';
import { planAction, type Drift, type PlanStep } from '../plan.js';
import { channelPhrase, contentTypeOf, targetDiagnostic, type ChannelTarget } from './channel-targets.js';
import { comparableContent, contentUpdate, desiredContent, parseHeaders } from './content-fields.js';
import type { CustomerioApi, TransactionalContent } from './customerio-api.js';
import { senderDrift } from './sender-drift.js';
import { settingsDrift } from './settings-drift.js';
import { annotateWhatsappStep } from './whatsapp-plan-notes.js';

export interface PlanContext {
  api: CustomerioApi;
  /** mj-include may not reach outside it. */
  workspaceRoot: string;
}

export interface ContentPlan {
  steps: PlanStep[];
  drift: Drift[];
  diagnostics: Diagnostic[];
}

const languageLabel = (language: string) => (language === '' ? 'the default language' : `language "${language}"`);

/** The variant the target publishes to, or the diagnostic that says why there is none. */
function pickContent(target: ChannelTarget, id: number, contents: TransactionalContent[]): { content?: TransactionalContent; diagnostic?: Diagnostic } {
  const type = contentTypeOf[target.channel];
  // A variant without `type` is taken to be of the message's channel.
  const ofChannel = contents.filter((content) => (content.type ?? type) === type);
  if (ofChannel.length === 0) {
    const found = [...new Set(contents.map((content) => content.type))].join(', ');
    return {
      diagnostic: targetDiagnostic(target, {
        ruleId: 'customerio/channel-mismatch',
        message:
          contents.length === 0
            ? `Customer.io transactional message ${id} has no content`
            : `Customer.io transactional message ${id} is not ${channelPhrase[target.channel]} message (its content is ${found})`,
        hint: `point the ${target.channel} target at ${channelPhrase[target.channel]} transactional message`,
      }),
    };
  }
  const content = ofChannel.find((candidate) => (candidate.language ?? '') === target.language);
  if (content) return { content };
  const languages = ofChannel.map((candidate) => (candidate.language ? `"${candidate.language}"` : 'default')).join(', ');
  return {
    diagnostic: targetDiagnostic(target, {
      ruleId: 'customerio/missing-language',
      message: `Customer.io transactional message ${id} has no content for ${languageLabel(target.language)} (it has: ${languages})`,
      // The App API updates a language variant but cannot create one ("If the language variant does not exist, we'll return an error":
      // https://docs.customer.io/integrations/api/app/tag/transactional/updateTransactionalVariant/).
      hint: 'Customer.io creates language variants only in its UI: open the transactional message, Add language, then push again; or set `language` to one it has',
    }),
  };
}

/**
 * Plans one channel of one message against transactional message `id`: reads the message and
 * its contents, reports settings and sender drift, and compares the managed content fields.
 * The write is a full overwrite that keeps the remote values of fields txkit does not manage.
 */
export async function planContent(target: ChannelTarget, id: number, context: PlanContext): Promise<ContentPlan> {
  const { api } = context;
  const [message, contents, desired] = await Promise.all([api.getMessage(id), api.getContents(id), desiredContent(target, context.workspaceRoot)]);
  const diagnostics = [...desired.diagnostics];
  if (!message || !contents) {
    diagnostics.push(
      targetDiagnostic(target, {
        ruleId: 'customerio/unknown-message',
        message: `"${target.message.id}": Customer.io has no transactional message ${id} (404)`,
        hint: 'Customer.io has no API to create transactional messages: create it in the UI (Transactional → Create message) and put its id here',
      }),
    );
    return { steps: [], drift: [], diagnostics };
  }
  const drift = settingsDrift(target, message);
  const picked = pickContent(target, id, contents);
  if (!picked.content) return { steps: [], drift, diagnostics: [...diagnostics, ...(picked.diagnostic ? [picked.diagnostic] : [])] };
  const remote = picked.content;
  const key = `${id}/content/${remote.id}`;
  const sender = senderDrift(target, remote, key);
  drift.push(...sender.drift);
  diagnostics.push(...sender.diagnostics);
  const headers = parseHeaders(remote.headers);
  if (headers === undefined) {
    diagnostics.push(
      targetDiagnostic(target, {
        ruleId: 'customerio/unreadable-content',
        message: `the headers of Customer.io content ${key} are not a list of {name, value}: not writing it, since a write replaces every field`,
      }),
    );
    return { steps: [], drift, diagnostics };
  }
  if (!desired.content) return { steps: [], drift, diagnostics };
  const content = desired.content;
  const comparable = comparableContent(content, remote);
  const { action, changes } = planAction(comparable.desired, comparable.remote);
  const step: PlanStep = {
    id: `customerio:${target.channel}-content:${key}`,
    platform: 'customerio',
    kind: `${target.channel}-content`,
    key,
    messageId: target.message.id,
    action,
    changes,
    dependsOn: [],
    apply: () => api.putContent(id, remote.id, contentUpdate(remote, headers, content)),
    explain: (error) =>
      (error.details.fields?.length ? error.details.fields : [error.message.replace(/^.*? → \d+: /, '')]).map((text) =>
        targetDiagnostic(target, {
          ruleId: 'customerio/platform-error',
          message: `Customer.io refused content ${key}: ${text}${error.details.status !== undefined ? ` (HTTP ${error.details.status})` : ''}`,
          hint: 'fix the template (or the message in Customer.io) and push again',
        }),
      ),
  };
  if (target.channel === 'whatsapp') diagnostics.push(...annotateWhatsappStep(target, step));
  return { steps: [step], drift, diagnostics };
}
