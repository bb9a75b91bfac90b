import { randomUUID } from 'node:crypto';
import { MessagingCode, messagingAlreadyExists, messagingInvalid as invalid, messagingNotFound } from './error-replies.js';
import { isFilledString, isRecord, mergeDeep, type JsonObject } from './json-values.js';
import { reply, type CreateContext, type Reply, type Route, type RouteContext } from './router.js';
import { EMAIL_ASSET_TYPE_IDS } from './sfmc-assets.js';
import { applyFilter, pageFromQuery } from './sfmc-query.js';
import type { DefinitionRecord, SandboxState, SfmcChannel } from './state.js';

export function definitionNotFound(channel: SfmcChannel, key: string): Reply {
  return messagingNotFound(`no ${channel} definition with definitionKey ${key}`);
}

/** A definition that exists and is not deleted; deleted ones only show in unfiltered lists. */
export function liveDefinition(state: SandboxState, channel: SfmcChannel, key: string): DefinitionRecord | undefined {
  const definition = state.sfmc.definitions[channel].get(key);
  return definition?.status === 'Deleted' ? undefined : definition;
}

/** What is wrong with a would-be definition (after defaults, or after a PATCH merged in). */
function definitionProblem(channel: SfmcChannel, candidate: JsonObject, state: SandboxState, creating: boolean): Reply | undefined {
  const { definitionKey, name, status, content } = candidate;
  if (!isFilledString(definitionKey)) {
    return invalid('MissingRequiredField_definitionKey', MessagingCode.missingDefinitionKey);
  }
  if (definitionKey.length > 36) return invalid('InvalidValue_definitionKey: at most 36 characters');
  if (!isFilledString(name)) return invalid('MissingRequiredField_name');
  if (status !== 'Active' && status !== 'Inactive') return invalid('InvalidValue_status: Active or Inactive');
  if (!isRecord(content)) return invalid('MissingRequiredField_content');
  const problem = channel === 'email' ? emailProblem(content, candidate.subscriptions, state) : smsProblem(content, candidate.subscriptions, creating);
  if (problem) return problem;
  for (const other of state.sfmc.definitions[channel].values()) {
    if (other.status !== 'Deleted' && other.definitionKey !== definitionKey && other.name === name) {
      return messagingAlreadyExists(`name ${name} is used by ${other.definitionKey}`);
    }
  }
  return undefined;
}

/**
 * Email content names a Content Builder email asset by customerKey; `subscriptions.list` is
 * required on create and update (RequestCreateSendDefinition / updateMessageDefinition:
 * https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/updateMessageDefinition.html).
 */
function emailProblem(content: JsonObject, subscriptions: unknown, state: SandboxState): Reply | undefined {
  const { customerKey } = content;
  if (!isFilledString(customerKey)) return invalid('MissingRequiredField_content.customerKey');
  if (!isRecord(subscriptions) || !isFilledString(subscriptions.list)) return invalid('MissingRequiredField_subscriptions.list');
  const wanted = customerKey.toLowerCase();
  const found = [...state.sfmc.assets.values()].some((asset) => asset.customerKey.toLowerCase() === wanted && EMAIL_ASSET_TYPE_IDS.has(asset.assetType.id));
  return found ? undefined : invalid(`InvalidValue_content.customerKey: no email asset with customerKey ${customerKey}`);
}

/** SMS content is the message text; the short code is always required, the keyword on create. */
function smsProblem(content: JsonObject, subscriptions: unknown, creating: boolean): Reply | undefined {
  if (!isFilledString(content.message)) return invalid('MissingRequiredField_content.message');
  if (!isRecord(subscriptions) || !isFilledString(subscriptions.shortCode)) {
    return invalid('MissingRequiredField_subscriptions.shortCode');
  }
  const { keyword } = subscriptions;
  if (keyword === undefined) {
    return creating ? invalid('MissingRequiredField_keyword', MessagingCode.missingKeyword) : undefined;
  }
  const validKeyword = typeof keyword === 'string' && /^\w+$/.test(keyword);
  return validKeyword ? undefined : invalid('InvalidValue_keyword', MessagingCode.invalidKeyword);
}

/** SFMC's defaults under the client's fields, on create. */
function withDefaults(channel: SfmcChannel, body: JsonObject): JsonObject {
  const given = (value: unknown) => (isRecord(value) ? value : {});
  const subscriptions = { autoAddSubscriber: true, updateSubscriber: true, ...given(body.subscriptions) };
  if (channel === 'sms') return asStored(channel, { status: 'Active', ...body, subscriptions });
  const options = { trackLinks: true, ...given(body.options) };
  return asStored(channel, { classification: 'Default Transactional', status: 'Active', ...body, subscriptions, options });
}

/**
 * What SFMC keeps of a definition it is sent, created or PATCHed: an SMS definition reads back
 * with an empty country code, whatever was written (recorded testExisting_tsms/get-response.json);
 * `options.createJourney` is an instruction, not a stored field: no recorded definition carries it.
 */
function asStored(channel: SfmcChannel, candidate: JsonObject): JsonObject {
  if (channel === 'sms') {
    return isRecord(candidate.subscriptions) ? { ...candidate, subscriptions: { ...candidate.subscriptions, countryCode: '' } } : candidate;
  }
  if (!isRecord(candidate.options)) return candidate;
  const { createJourney: _instruction, ...options } = candidate.options;
  return { ...candidate, options };
}

function definitionReply(status: number, definition: DefinitionRecord): Reply {
  return reply(status, { requestId: randomUUID(), ...definition });
}

/** Creates a definition from a POST body; shared with seeding so both validate alike. */
export function createDefinition(channel: SfmcChannel, { body, state, now }: CreateContext): Reply {
  if (!isRecord(body)) return invalid('InvalidRequest: the body must be a JSON object');
  const candidate = withDefaults(channel, body);
  const problem = definitionProblem(channel, candidate, state, true);
  if (problem) return problem;
  const key = candidate.definitionKey as string;
  if (liveDefinition(state, channel, key)) return messagingAlreadyExists(`definitionKey ${key}`);
  const stamp = new Date(now).toISOString();
  const { journey: _readOnly, ...fields } = candidate; // SFMC fills journey itself
  const definition = { ...fields, definitionId: randomUUID(), createdDate: stamp, modifiedDate: stamp } as DefinitionRecord;
  state.sfmc.definitions[channel].set(key, definition);
  return definitionReply(201, definition);
}

function listDefinitions(channel: SfmcChannel, { query, state }: RouteContext): Reply {
  const matching = applyFilter([...state.sfmc.definitions[channel].values()], query);
  if (!matching) return invalid(`InvalidFilter: ${query.get('$filter')}`);
  const { page, pageSize, items } = pageFromQuery(matching, query);
  const definitions = items.map(({ name, definitionKey, status, createdDate, modifiedDate }) => ({
    name,
    definitionKey,
    status,
    createdDate,
    modifiedDate,
  }));
  return reply(200, { requestId: randomUUID(), definitions, count: matching.length, page, pageSize });
}

/** PATCH merges into the definition; the key is its identity and journey creation is create-only. */
function patchDefinition(channel: SfmcChannel, { params, body, state, now }: RouteContext): Reply {
  const key = params.key ?? '';
  const previous = liveDefinition(state, channel, key);
  if (!previous) return definitionNotFound(channel, key);
  if (!isRecord(body)) return invalid('InvalidRequest: the body must be a JSON object');
  if ('definitionKey' in body) return invalid('InvalidField_definitionKey: definitionKey cannot be updated');
  // createJourney is accepted on PATCH as on POST (updateMessageDefinition lists options.createJourney).
  const candidate = asStored(channel, mergeDeep(previous, body));
  const problem = definitionProblem(channel, candidate, state, false);
  if (problem) return problem;
  const definition = { ...candidate, modifiedDate: new Date(now).toISOString() } as DefinitionRecord;
  state.sfmc.definitions[channel].set(key, definition);
  return definitionReply(200, definition);
}

/** DELETE keeps the definition with status Deleted, which is why clients list with `status neq deleted`. */
function deleteDefinition(channel: SfmcChannel, { params, state, now }: RouteContext): Reply {
  const key = params.key ?? '';
  const previous = liveDefinition(state, channel, key);
  if (!previous) return definitionNotFound(channel, key);
  const deleted = { ...previous, status: 'Deleted' as const, modifiedDate: new Date(now).toISOString() };
  state.sfmc.definitions[channel].set(key, deleted);
  return reply(200, { requestId: randomUUID(), message: 'Success', deletedDefinitionKey: key, journey: {} });
}

const definition = { platform: 'sfmc', auth: 'sfmc-token', rateLimit: 'sfmc' } as const;

export const definitionRoutes: Route[] = (['email', 'sms'] as const).flatMap((channel): Route[] => {
  const path = `/messaging/v1/${channel}/definitions`;
  return [
    { ...definition, method: 'GET', path, kind: 'read', handle: (context) => listDefinitions(channel, context) },
    { ...definition, method: 'POST', path, kind: 'write', handle: (context) => createDefinition(channel, context) },
    {
      ...definition,
      method: 'GET',
      path: `${path}/:key`,
      kind: 'read',
      handle: ({ params, state }) => {
        const found = liveDefinition(state, channel, params.key ?? '');
        return found ? definitionReply(200, found) : definitionNotFound(channel, params.key ?? '');
      },
    },
    {
      ...definition,
      method: 'PATCH',
      path: `${path}/:key`,
      kind: 'write',
      handle: (context) => patchDefinition(channel, context),
    },
    {
      ...definition,
      method: 'DELETE',
      path: `${path}/:key`,
      kind: 'write',
      handle: (context) => deleteDefinition(channel, context),
    },
  ];
});
