import { UsageError } from '../../errors/usage-error.js';
import type { Environment } from '../secrets.js';

/** An SFMC installed package's API integration (server-to-server, client credentials). */
export interface SfmcCredentials {
  clientId: string;
  clientSecret: string;
  /** The tenant's auth base URL, with a trailing slash. */
  authBaseUrl: string;
  /** The business unit (MID) to work in; the package's default one when absent. */
  accountId?: string;
}

const REQUIRED = ['SFMC_CLIENT_ID', 'SFMC_CLIENT_SECRET', 'SFMC_AUTH_BASE_URL'] as const;
const TENANT_HOST = /^[a-z0-9][a-z0-9-]*\.auth\.marketingcloudapis\.com$/i;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

/**
 * The credentials from the environment (.env merged in). Missing variables are a usage error
 * naming them; so is an auth URL that is neither an SFMC tenant over https nor the local
 * sandbox, because the client secret is sent to it.
 */
export function readSfmcCredentials(env: Environment): SfmcCredentials {
  const missing = REQUIRED.filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    throw new UsageError(
      `missing ${missing.join(', ')}: set ${missing.length === 1 ? 'it' : 'them'} in the environment or in .env at the project root (see docs/sfmc.md)`,
    );
  }
  const accountId = env.SFMC_ACCOUNT_ID?.trim();
  if (accountId && !/^\d{1,18}$/.test(accountId)) throw new UsageError(`SFMC_ACCOUNT_ID must be the business unit's MID, a number; got "${accountId}"`);
  return {
    clientId: env.SFMC_CLIENT_ID!.trim(),
    clientSecret: env.SFMC_CLIENT_SECRET!.trim(),
    authBaseUrl: authBaseUrl(env.SFMC_AUTH_BASE_URL!.trim()),
    ...(accountId ? { accountId } : {}),
  };
}

function authBaseUrl(value: string): string {
  const expected = "SFMC_AUTH_BASE_URL must be your tenant's https://<subdomain>.auth.marketingcloudapis.com/ (or http://127.0.0.1:PORT/ for `txkit sandbox`)";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${expected}; "${value}" is not a URL`);
  }
  const tenant = url.protocol === 'https:' && TENANT_HOST.test(url.hostname);
  const sandbox = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (!tenant && !sandbox) throw new UsageError(`${expected}; got ${url.origin}`);
  return `${url.origin}/`;
}

/**
 * The REST base a token response names. It must stay as safe as the auth URL: https, or
 * loopback http when authenticating against the local sandbox.
 */
export function checkRestBaseUrl(value: unknown, authBase: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    const loopback = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) && new URL(authBase).protocol === 'http:';
    return url.protocol === 'https:' || loopback ? url.href.replace(/\/?$/, '/') : undefined;
  } catch {
    return undefined;
  }
}
