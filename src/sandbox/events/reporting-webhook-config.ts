import { UsageError } from '../../errors/usage-error.js';
import type { ResolvedConfig } from '../../workspace/index.js';
import type { ReportingWebhook } from '../options.js';

/** Where the signing key comes from: the environment or `.env`, never txkit.config.yaml. */
export const CUSTOMERIO_WEBHOOK_KEY_VARIABLE = 'CUSTOMERIO_WEBHOOK_SIGNING_KEY';

/**
 * The reporting webhook `targets.customerio.reportingWebhook` in txkit.config.yaml describes,
 * with its signing key from the environment; undefined when none is configured. A webhook
 * without a key is a usage error: Customer.io signs every request.
 */
export function reportingWebhookFromConfig(config: ResolvedConfig, env: Readonly<Record<string, string | undefined>>): ReportingWebhook | undefined {
  const webhook = config.targets.customerio?.reportingWebhook;
  if (!webhook) return undefined;
  const signingKey = env[CUSTOMERIO_WEBHOOK_KEY_VARIABLE];
  if (!signingKey)
    throw new UsageError(`targets.customerio.reportingWebhook needs its signing key in ${CUSTOMERIO_WEBHOOK_KEY_VARIABLE} (environment or .env)`);
  return { url: webhook.url, events: webhook.events, signingKey };
}
