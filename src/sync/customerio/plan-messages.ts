import pLimit from 'p-limit';
import type { Diagnostic } from '../../diagnostics/index.js';
import type { Message } from '../../workspace/index.js';
import type { Plan } from '../plan.js';
import { PlatformError } from '../platform-error.js';
import { channelTargets, numericId, targetDiagnostic, type ChannelDefaults, type ChannelTarget } from './channel-targets.js';
import type { CustomerioApi, TransactionalMessage } from './customerio-api.js';
import { customerioHandlebarsUnsupported } from '../../platforms/rules/index.js';
import { planContent, type ContentPlan, type PlanContext } from './plan-content.js';

/** Trigger name (lower case: Customer.io matches them case-insensitively) → message id, read only when a target uses one. */
async function triggerNames(targets: readonly ChannelTarget[], api: CustomerioApi): Promise<Map<string, number> | PlatformError> {
  const wanted = new Set(targets.flatMap((target) => (numericId(target.reference) === undefined ? [String(target.reference).toLowerCase()] : [])));
  if (wanted.size === 0) return new Map();
  try {
    return await findTriggerNames(wanted, await api.listMessages(), api);
  } catch (error) {
    if (error instanceof PlatformError) return error;
    throw error;
  }
}

/**
 * The documented list answer carries no trigger_name
 * (https://docs.customer.io/integrations/api/app/tag/transactional/listTransactional/), so each
 * listed message without one is read by id until every wanted name is found. `listed` is the list
 * answer, which the caller may need for more than this.
 */
export async function findTriggerNames(wanted: ReadonlySet<string>, listed: readonly TransactionalMessage[], api: CustomerioApi): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  const remember = (message: TransactionalMessage | undefined) => {
    const name = message?.trigger_name?.toLowerCase();
    if (name && wanted.has(name) && !found.has(name)) found.set(name, message!.id);
  };
  for (const message of listed) {
    if (found.size === wanted.size) break;
    remember(message.trigger_name ? message : await api.getMessage(message.id));
  }
  return found;
}

function apiErrorDiagnostic(target: ChannelTarget, error: PlatformError): Diagnostic {
  return targetDiagnostic(target, { ruleId: 'customerio/api-error', message: `"${target.message.id}": ${error.message}` });
}

function resolveId(target: ChannelTarget, byTrigger: Map<string, number> | PlatformError): { id?: number; diagnostic?: Diagnostic } {
  const numeric = numericId(target.reference);
  if (numeric !== undefined) return { id: numeric };
  if (byTrigger instanceof PlatformError) return { diagnostic: apiErrorDiagnostic(target, byTrigger) };
  const id = byTrigger.get(String(target.reference).toLowerCase());
  if (id !== undefined) return { id };
  return {
    diagnostic: targetDiagnostic(target, {
      ruleId: 'customerio/unknown-message',
      message: `"${target.message.id}": Customer.io has no transactional message with trigger name "${target.reference}"`,
      hint: 'use the numeric id from the message URL in Customer.io, or its trigger name',
    }),
  };
}

/** A platform failure on one target is that target's diagnostic; the rest of the plan goes on. */
async function planOrReport(target: ChannelTarget, id: number, context: PlanContext): Promise<ContentPlan> {
  try {
    return await planContent(target, id, context);
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    return { steps: [], drift: [], diagnostics: [apiErrorDiagnostic(target, error)] };
  }
}

/**
 * The plan for every message that targets Customer.io: one content step per channel, settings
 * and sender drift, and diagnostics for what cannot be published. Messages are planned in
 * parallel (the API client paces the requests).
 */
export async function planMessages(messages: readonly Message[], context: PlanContext & { concurrency: number; defaults?: ChannelDefaults }): Promise<Plan> {
  const { api } = context;
  const diagnostics: Diagnostic[] = [];
  const targets: ChannelTarget[] = [];
  for (const message of messages) {
    if (!message.definition.targets.customerio) continue;
    const unsupported = customerioHandlebarsUnsupported.check(message);
    diagnostics.push(...unsupported);
    if (unsupported.length > 0) continue;
    const found = channelTargets(message, context.defaults);
    diagnostics.push(...found.diagnostics);
    targets.push(...found.targets);
  }

  const byTrigger = await triggerNames(targets, api);
  const claimed = new Map<string, ChannelTarget>();
  const planned: { target: ChannelTarget; id: number }[] = [];
  for (const target of targets) {
    const { id, diagnostic } = resolveId(target, byTrigger);
    if (diagnostic) diagnostics.push(diagnostic);
    if (id === undefined) continue;
    const variant = `${id}:${target.language}`;
    const owner = claimed.get(variant);
    if (owner) {
      diagnostics.push(
        targetDiagnostic(target, {
          ruleId: 'customerio/duplicate-target',
          message: `Customer.io transactional message ${id} (${target.language || 'default language'}) is already published by "${owner.message.id}" ${owner.channel}`,
          hint: 'each transactional message content is published from one place',
        }),
      );
      continue;
    }
    claimed.set(variant, target);
    planned.push({ target, id });
  }

  const limit = pLimit(Math.max(1, context.concurrency));
  const results = await Promise.all(planned.map(({ target, id }) => limit(() => planOrReport(target, id, context))));
  return {
    steps: results.flatMap((result) => result.steps),
    drift: results.flatMap((result) => result.drift),
    diagnostics: [...diagnostics, ...results.flatMap((result) => result.diagnostics)],
  };
}
