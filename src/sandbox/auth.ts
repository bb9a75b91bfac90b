import { randomBytes } from 'node:crypto';
import { customerioError, sfmcError } from './error-replies.js';
import { isRecord } from './json-values.js';
import { reply, type AuthScheme, type Reply, type Route, type RouteContext } from './router.js';

/** SFMC's OAuth error body, which differs from its REST error body. */
function oauthError(status: number, error: string, description: string): Reply {
  return reply(status, {
    error,
    error_description: description,
    error_uri: 'https://developer.salesforce.com/docs',
  });
}

const DEFAULT_SCOPE = 'email_read email_write email_send sms_read sms_write sms_send';

/** POST /v2/token: client_credentials only. One server answers auth and REST, so both URLs are its own. */
function issueToken({ body, options, state, now, baseUrl }: RouteContext): Reply {
  if (!isRecord(body) || body.grant_type !== 'client_credentials') {
    return oauthError(400, 'unsupported_grant_type', 'Use grant_type client_credentials.');
  }
  if (body.client_id !== options.sfmc.clientId || body.client_secret !== options.sfmc.clientSecret) {
    const description = 'Client authentication failed. Check client_id and client_secret.';
    return oauthError(401, 'invalid_client', description);
  }
  const accessToken = randomBytes(24).toString('base64url');
  const lifetime = options.sfmc.tokenLifetimeSeconds;
  state.sfmc.tokens.set(accessToken, now + lifetime * 1000);
  return reply(200, {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: Math.floor(lifetime),
    scope: typeof body.scope === 'string' ? body.scope : DEFAULT_SCOPE,
    soap_instance_url: baseUrl,
    rest_instance_url: baseUrl,
  });
}

export const authRoutes: Route[] = [{ method: 'POST', path: '/v2/token', platform: 'sfmc', kind: 'auth', auth: 'none', handle: issueToken }];

/** Undefined when the Authorization header satisfies the scheme; otherwise the platform's 401. */
export function authorize(
  scheme: AuthScheme,
  authorization: string | undefined,
  { state, options, now }: Pick<RouteContext, 'state' | 'options' | 'now'>,
): Reply | undefined {
  const bearer = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
  const { appApiKey, transactionalApiKey } = options.customerio;
  switch (scheme) {
    case 'none':
      return undefined;
    case 'sfmc-token': {
      const expiresAt = bearer === undefined ? undefined : state.sfmc.tokens.get(bearer);
      return expiresAt !== undefined && now < expiresAt ? undefined : sfmcError(401, 0, 'Not Authorized');
    }
    case 'customerio-app':
      return bearer === appApiKey ? undefined : customerioError(401, 'Unauthorized request');
    case 'customerio-send':
      return bearer === appApiKey || bearer === transactionalApiKey ? undefined : customerioError(401, 'Unauthorized request');
  }
}
