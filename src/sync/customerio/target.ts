import { UsageError } from '../../errors/usage-error.js';
import type { RetryPolicy } from '../http-client.js';
import { isRefusal } from '../platform-error.js';
import { secretValues } from '../secrets.js';
import type { SendOutcome, SendRequest, SyncConnection, SyncContext, SyncTarget } from '../sync-target.js';
import { channelTargets } from './channel-targets.js';
import { customerioSettings } from './connection-settings.js';
import { exportMessageToCustomerio } from './export-message.js';
import { createCustomerioApi, type CustomerioApi } from './customerio-api.js';
import { planMessages } from './plan-messages.js';
import { pullMessages } from './pull-messages.js';
import { appApiPace, type PacerOptions } from './request-pacer.js';
import { sendBody } from './send-request.js';
import { planSnippets, withSnippetsFirst } from './snippets.js';

export interface CustomerioTargetOptions {
  /** Retries of the HTTP client (default: the client's policy). */
  retry?: RetryPolicy;
  /** App API pacing (default: 10 requests per 1.1 s). */
  pace?: PacerOptions;
}

async function send(api: CustomerioApi, request: SendRequest): Promise<SendOutcome> {
  const target = channelTargets(request.message).targets.find((candidate) => candidate.channel === request.channel);
  if (!target) {
    const setting = request.channel === 'email' ? 'targets.customerio.transactionalMessageId' : `targets.customerio.${request.channel}.transactionalMessageId`;
    throw new UsageError(`"${request.message.id}" has no Customer.io ${request.channel} target: set ${setting} in its message.yaml`);
  }
  const built = sendBody(target, request.sample, request.to);
  if ('problem' in built) return { status: 'not-sent', id: '', detail: built.problem };
  try {
    const delivery = await api.send(request.channel, built.body);
    // Accepted and queued: Customer.io reports the outcome later (delivery webhooks / activity log).
    return { status: 'queued', id: delivery.delivery_id };
  } catch (error) {
    if (isRefusal(error)) return { status: 'not-sent', id: '', detail: error.message };
    throw error;
  }
}

/** Customer.io transactional messages: publishes content variants, reports settings drift, test-sends. */
export function createCustomerioTarget(options: CustomerioTargetOptions = {}): SyncTarget {
  return {
    platform: 'customerio',
    async connect(context: SyncContext): Promise<SyncConnection> {
      const settings = customerioSettings(context.env);
      const api = createCustomerioApi({
        settings,
        secrets: secretValues(context.env, context.secrets),
        pace: options.pace ?? appApiPace,
        ...(context.deadline ? { deadline: context.deadline } : {}),
        ...(options.retry ? { retry: options.retry } : {}),
      });
      return {
        plan: async (messages) => {
          const workspaceRoot = context.config.workspace;
          const [snippets, planned] = await Promise.all([
            planSnippets(workspaceRoot, api),
            planMessages(messages, {
              api,
              workspaceRoot,
              concurrency: context.concurrency,
              defaults: { smsLinkTracking: context.config.targets.customerio?.sms?.linkTracking },
            }),
          ]);
          return withSnippetsFirst(snippets, planned);
        },
        send: (request) => send(api, request),
        pull: (existing) => pullMessages(existing, { api, engines: context.engines, workspace: context.config.workspace, config: context.config }),
      };
    },
    exportMessage: (message, exportOptions) => exportMessageToCustomerio(message, exportOptions),
  };
}

export const customerioTarget: SyncTarget = createCustomerioTarget();
