import { appendEnvVariable } from '../env-file.js';
import type { RetryPolicy } from '../http-client.js';
import { addSecret } from '../secrets.js';
import type { EnsPlanOptions } from './ens-plan.js';
import type { SyncTarget } from '../sync-target.js';
import { exportMessageToSfmc } from '../../platforms/sfmc/message-export.js';
import { createSfmcApi } from './sfmc-api.js';
import { readSfmcCredentials } from './sfmc-credentials.js';
import { planSfmc } from './sfmc-plan.js';
import { pullSfmc } from './sfmc-pull.js';
import { sendSfmcMessage, type SendPolling } from './sfmc-send.js';
import { openSfmcSession } from './sfmc-session.js';

export interface SfmcTargetOptions {
  /** Retries of the HTTP client (default: the client's policy). */
  retry?: RetryPolicy;
  /** How a test send reads its status (default: from 250 ms, doubling up to 4 s). */
  polling?: SendPolling;
  /** How push waits for a new ENS callback to be verified (default: up to 60 s, read every second). */
  ens?: Pick<EnsPlanOptions, 'verifyTimeoutMs' | 'pollIntervalMs'>;
}

/** Where push keeps the signature key of an ENS callback it created: `.env`, read by `txkit events listen`. */
export const ENS_SIGNATURE_KEY_VARIABLE = 'SFMC_ENS_SIGNATURE_KEY';

/** Salesforce Marketing Cloud: Content Builder assets and Transactional Messaging definitions. */
export function createSfmcTarget(options: SfmcTargetOptions = {}): SyncTarget {
  return {
    platform: 'sfmc',
    async connect(context) {
      const credentials = readSfmcCredentials(context.env);
      const secrets = [...context.secrets, credentials.clientSecret, credentials.clientId];
      const http = { secrets, ...(options.retry ? { retry: options.retry } : {}), ...(context.deadline ? { deadline: context.deadline } : {}) };
      const api = createSfmcApi(await openSfmcSession(credentials, http), http);
      const workspaceRoot = context.config.workspace;
      const defaults = { ...(context.config.targets.sfmc?.list ? { list: context.config.targets.sfmc.list } : {}) };
      const ens: EnsPlanOptions = {
        ...options.ens,
        async onSignatureKey(url, signatureKey) {
          addSecret(secrets, signatureKey);
          await appendEnvVariable(
            context.config.projectRoot,
            ENS_SIGNATURE_KEY_VARIABLE,
            signatureKey,
            `signature key of the SFMC event callback ${url} (txkit push, ${new Date().toISOString()})`,
          );
        },
      };
      return {
        plan: (messages) => planSfmc(api, messages, { workspaceRoot, concurrency: context.concurrency, defaults, ens }),
        send: (request) => sendSfmcMessage(api, request, options.polling),
        pull: (existing) => pullSfmc(api, existing, { workspaceRoot, concurrency: context.concurrency }),
      };
    },
    exportMessage: (message, exportOptions) => exportMessageToSfmc(message, exportOptions),
  };
}

export const sfmcTarget: SyncTarget = createSfmcTarget();
