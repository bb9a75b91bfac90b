import type { Diagnostic } from '../../diagnostics/index.js';
import { planAction, type Drift, type PlanStep } from '../plan.js';
import { channelLabel, channelPhrase, contentTypeOf, targetDiagnostic, type ChannelTarget } from './channel-targets.js';
import { comparableContent, contentUpdate, desiredContent, parseHeaders, type ManagedContent } from './content-fields.js';
import type { CustomerioApi, TransactionalContent } from './customerio-api.js';
import { senderDrift } from './sender-drift.js';
import { settingsDrift } from './settings-drift.js';
import { isTranslationTarget, translationTargets, unpublishedVariants } from './translation-targets.js';
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

/** The message's variants of the target's channel, or the diagnostic that says it has none. */
function channelContents(target: ChannelTarget, id: number, contents: TransactionalContent[]): { ofChannel: TransactionalContent[]; diagnostic?: Diagnostic } {
  const type = contentTypeOf[target.channel];
  // A variant without `type` is taken to be of the message's channel.
  const ofChannel = contents.filter((content) => (content.type ?? type) === type);
  if (ofChannel.length > 0) return { ofChannel };
  const found = [...new Set(contents.map((content) => content.type))].join(', ');
  return {
    ofChannel,
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

/** The variant of the target's language, or the diagnostic that says there is none. */
function pickContent(target: ChannelTarget, id: number, ofChannel: TransactionalContent[]): { content?: TransactionalContent; diagnostic?: Diagnostic } {
  const content = ofChannel.find((candidate) => (candidate.language ?? '') === target.language);
  if (content) return { content };
  const languages = ofChannel.map((candidate) => (candidate.language ? `"${candidate.language}"` : 'default')).join(', ');
  return {
    diagnostic: targetDiagnostic(target, {
      ruleId: 'customerio/missing-language',
      message: `Customer.io transactional message ${id} has no ${channelLabel[target.channel]} content for ${languageLabel(target.language)} (it has: ${languages})`,
      // The App API updates a language variant but cannot create one ("If the language variant does not exist, we'll return an error":
      // https://docs.customer.io/integrations/api/app/tag/transactional/updateTransactionalVariant/).
      hint: isTranslationTarget(target)
        ? `Customer.io creates language variants only in its UI: open transactional message ${id}, Add language, pick "${target.language}", then push again`
        : 'Customer.io creates language variants only in its UI: open the transactional message, Add language, then push again; or set `language` to one it has',
    }),
  };
}

/**
 * Plans one channel of one message against transactional message `id`: reads the message and
 * its contents once, reports settings drift, and plans the variant of each language the channel
 * is published in (the target's own, then its translations).
 */
export async function planContent(target: ChannelTarget, id: number, context: PlanContext): Promise<ContentPlan> {
  const { api } = context;
  const translations = translationTargets(target);
  const languageTargets = [target, ...translations.targets];
  const [message, contents, desired] = await Promise.all([
    api.getMessage(id),
    api.getContents(id),
    Promise.all(languageTargets.map((languageTarget) => desiredContent(languageTarget, context.workspaceRoot))),
  ]);
  const diagnostics = [...translations.diagnostics, ...desired.flatMap((result) => result.diagnostics)];
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
  const { ofChannel, diagnostic } = channelContents(target, id, contents);
  if (diagnostic) return { steps: [], drift, diagnostics: [...diagnostics, diagnostic] };
  const variants = languageTargets.map((languageTarget, index) => planVariant(languageTarget, id, ofChannel, desired[index]?.content, api));
  // Unpublished languages are worth a warning once the target's own variant is there to publish.
  const unpublished = variants[0]?.found ? unpublishedVariants(target, id, ofChannel, languageTargets) : [];
  return {
    steps: variants.flatMap((variant) => variant.steps),
    drift: [...drift, ...variants.flatMap((variant) => variant.drift)],
    diagnostics: [...diagnostics, ...variants.flatMap((variant) => variant.diagnostics), ...unpublished],
  };
}

/**
 * The step for one language variant: compares the managed content fields and reports sender
 * drift. The write is a full overwrite that keeps the remote values of fields txkit does not
 * manage. A translation's step is keyed and written by language (`PUT .../language/{language}`).
 */
function planVariant(
  target: ChannelTarget,
  id: number,
  ofChannel: TransactionalContent[],
  content: ManagedContent | undefined,
  api: CustomerioApi,
): ContentPlan & { found: boolean } {
  const picked = pickContent(target, id, ofChannel);
  if (!picked.content) return { steps: [], drift: [], diagnostics: picked.diagnostic ? [picked.diagnostic] : [], found: false };
  const remote = picked.content;
  const translation = isTranslationTarget(target);
  const key = translation ? `${id}/language/${target.language}` : `${id}/content/${remote.id}`;
  const { drift, diagnostics } = senderDrift(target, remote, key);
  const headers = parseHeaders(remote.headers);
  if (headers === undefined) {
    diagnostics.push(
      targetDiagnostic(target, {
        ruleId: 'customerio/unreadable-content',
        message: `the headers of Customer.io content ${key} are not a list of {name, value}: not writing it, since a write replaces every field`,
      }),
    );
    return { steps: [], drift, diagnostics, found: true };
  }
  if (!content) return { steps: [], drift, diagnostics, found: true };
  const comparable = comparableContent(content, remote);
  const { action, changes } = planAction(comparable.desired, comparable.remote);
  const update = () => contentUpdate(remote, headers, content);
  const step: PlanStep = {
    id: `customerio:${target.channel}-content:${key}`,
    platform: 'customerio',
    kind: `${target.channel}-content`,
    key,
    messageId: target.message.id,
    action,
    changes,
    dependsOn: [],
    apply: () => (translation ? api.putLanguageContent(id, target.language, update()) : api.putContent(id, remote.id, update())),
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
  return { steps: [step], drift, diagnostics, found: true };
}
