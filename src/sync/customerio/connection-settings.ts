import { UsageError } from '../../errors/usage-error.js';
import type { Environment } from '../secrets.js';

/**
 * Customer.io's API hosts. The App API (transactional messages and their contents) and the
 * send routes share one host per region, both under `/v1/`: customerio-node's regions.ts uses
 * `https://api.customer.io/v1` (US) and `https://api-eu.customer.io/v1` (EU) for both.
 */
export const customerioRegions = {
  us: 'https://api.customer.io/',
  eu: 'https://api-eu.customer.io/',
} as const;

export type CustomerioRegion = keyof typeof customerioRegions;

export const customerioVariables = {
  appApiKey: 'CUSTOMERIO_APP_API_KEY',
  transactionalApiKey: 'CUSTOMERIO_TRANSACTIONAL_API_KEY',
  region: 'CUSTOMERIO_REGION',
  apiUrl: 'CUSTOMERIO_API_URL',
} as const;

export interface CustomerioSettings {
  /** Host root with a trailing slash; requests go to `v1/...` under it. */
  baseUrl: string;
  /** App API key: reads and writes transactional message contents. */
  appApiKey?: string;
  /** Key used for sends; the App API key may send too. */
  transactionalApiKey?: string;
}

function filled(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** `CUSTOMERIO_API_URL` wins over the region; a trailing `/v1` is accepted, as customerio-node spells its roots. */
function baseUrlFrom(env: Environment): string {
  const override = filled(env[customerioVariables.apiUrl]);
  if (override !== undefined) {
    let url: URL;
    try {
      url = new URL(override);
    } catch {
      throw new UsageError(`${customerioVariables.apiUrl} is not a URL: "${override}"`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`${customerioVariables.apiUrl} must be an http(s) URL`);
    url.pathname = url.pathname.replace(/\/v1\/?$/, '/').replace(/\/?$/, '/');
    url.search = '';
    return url.toString();
  }
  const region = (filled(env[customerioVariables.region]) ?? 'us').toLowerCase();
  if (!Object.hasOwn(customerioRegions, region)) {
    throw new UsageError(`${customerioVariables.region} must be "us" or "eu", got "${region}"`);
  }
  return customerioRegions[region as CustomerioRegion];
}

/** Reads the connection from the environment; a missing key is a UsageError when an operation needs it. */
export function customerioSettings(env: Environment): CustomerioSettings {
  const appApiKey = filled(env[customerioVariables.appApiKey]);
  const transactionalApiKey = filled(env[customerioVariables.transactionalApiKey]);
  if (appApiKey === undefined && transactionalApiKey === undefined) {
    throw new UsageError(
      `Customer.io needs ${customerioVariables.appApiKey} (diff, push, pull) and/or ${customerioVariables.transactionalApiKey} (send): set them in the environment or in .env`,
    );
  }
  return {
    baseUrl: baseUrlFrom(env),
    ...(appApiKey !== undefined ? { appApiKey } : {}),
    ...(transactionalApiKey !== undefined ? { transactionalApiKey } : {}),
  };
}
