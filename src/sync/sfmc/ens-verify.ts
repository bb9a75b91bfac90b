import { secretValues, type Environment } from '../secrets.js';
import { createSfmcApi } from './sfmc-api.js';
import { readSfmcCredentials } from './sfmc-credentials.js';
import { openSfmcSession } from './sfmc-session.js';

/**
 * The callback's half of ENS's handshake: echoes the verification key the callback URL received
 * to POST /platform/v1/ens-verify, with the SFMC credentials of `env`
 * (https://developer.salesforce.com/docs/marketing/marketing-cloud/references/mc_rest_event_notification/verifyCallback.html).
 */
export async function verifyEnsCallback(env: Environment, callbackId: string, verificationKey: string): Promise<void> {
  const credentials = readSfmcCredentials(env);
  const http = { secrets: secretValues(env, [verificationKey]) };
  const api = createSfmcApi(await openSfmcSession(credentials, http), http);
  await api.ens.verifyCallback(callbackId, verificationKey);
}
