import { UsageError } from '../../errors/usage-error.js';
import { createHttpClient, type RetryPolicy } from '../http-client.js';
import { PlatformError } from '../platform-error.js';
import { addSecret } from '../secrets.js';
import { checkRestBaseUrl, type SfmcCredentials } from './sfmc-credentials.js';

/** An authenticated SFMC session: a cached access token and the REST base it works with. */
export interface SfmcSession {
  /** `rest_instance_url` of the token response, with a trailing slash. */
  readonly restBaseUrl: string;
  /** The Authorization header, with a token fetched (again) when it is missing or about to expire. */
  authorization(): Promise<Record<string, string>>;
  /** Drops the cached token and fetches a new one (after a 401). */
  refresh(): Promise<void>;
}

export interface SessionOptions {
  /** Redacted from errors; each access token the session obtains is added, so every client sharing the list scrubs it too. */
  secrets: string[];
  retry?: RetryPolicy;
  /** The command's deadline (`--timeout`). */
  deadline?: AbortSignal;
  /** Clock in ms; tests move it. Default Date.now. */
  now?: () => number;
}

interface TokenResponse {
  access_token?: unknown;
  expires_in?: unknown;
  rest_instance_url?: unknown;
}

/** Tokens are renewed this long before SFMC says they expire, so none expires mid-request. */
const EXPIRY_MARGIN_MS = 60_000;

/**
 * Opens a session with the OAuth2 client-credentials grant (POST {auth}/v2/token). The first
 * token is fetched now, so bad credentials surface before any work; wrong credentials are a
 * usage error, like missing ones.
 */
export async function openSfmcSession(credentials: SfmcCredentials, options: SessionOptions): Promise<SfmcSession> {
  const now = options.now ?? Date.now;
  const auth = createHttpClient({
    baseUrl: credentials.authBaseUrl,
    secrets: options.secrets,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.deadline ? { deadline: options.deadline } : {}),
    describeError: (body) => {
      const oauth = body as { error?: unknown; error_description?: unknown } | undefined;
      return typeof oauth?.error === 'string'
        ? { message: `${oauth.error}${typeof oauth.error_description === 'string' ? `: ${oauth.error_description}` : ''}` }
        : {};
    },
  });
  let token: { value: string; renewAt: number } | undefined;
  let pending: Promise<void> | undefined;
  let restBaseUrl = '';

  async function fetchToken(): Promise<void> {
    let response;
    try {
      response = await auth.request<TokenResponse>('POST', 'v2/token', {
        body: {
          grant_type: 'client_credentials',
          client_id: credentials.clientId,
          client_secret: credentials.clientSecret,
          // A number, as the token request documents it (a string MID is refused by some tenants).
          ...(credentials.accountId ? { account_id: Number(credentials.accountId) } : {}),
        },
        // Asking for a token twice is harmless.
        retryUnsafe: true,
      });
    } catch (error) {
      if (error instanceof PlatformError && (error.details.status === 400 || error.details.status === 401)) {
        throw new UsageError(
          `SFMC refused the credentials (${error.message.replace(/^.*?→ /, '')}): check SFMC_CLIENT_ID, SFMC_CLIENT_SECRET and SFMC_ACCOUNT_ID`,
        );
      }
      throw error;
    }
    const { access_token: value, expires_in: expiresIn, rest_instance_url: rest } = response.body ?? {};
    const base = checkRestBaseUrl(rest, credentials.authBaseUrl);
    if (typeof value !== 'string' || value === '' || !base) {
      throw new PlatformError('SFMC token response lacks access_token or a usable rest_instance_url', {
        method: 'POST',
        url: `${credentials.authBaseUrl}v2/token`,
        status: response.status,
      });
    }
    addSecret(options.secrets, value);
    const lifetimeMs = (typeof expiresIn === 'number' ? expiresIn : 0) * 1000;
    token = { value, renewAt: now() + Math.max(0, lifetimeMs - EXPIRY_MARGIN_MS) };
    restBaseUrl = base;
  }

  /** One token request at a time: concurrent callers share it. */
  function renew(): Promise<void> {
    pending ??= fetchToken().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  await renew();
  return {
    get restBaseUrl() {
      return restBaseUrl;
    },
    async authorization() {
      if (!token || now() >= token.renewAt) await renew();
      return { authorization: `Bearer ${token!.value}` };
    },
    async refresh() {
      token = undefined;
      await renew();
    },
  };
}
