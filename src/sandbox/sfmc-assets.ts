import { randomUUID } from 'node:crypto';
import { sfmcError } from './error-replies.js';
import { isFilledString, isRecord, mergeDeep, valueAtPath, type JsonObject } from './json-values.js';
import { reply, type CreateContext, type Reply, type Route, type RouteContext } from './router.js';
import { applyFilter, pageFromQuery, pageOf, type Page } from './sfmc-query.js';
import { findById, nextId, type AssetRecord } from './state.js';

interface AssetType {
  id: number;
  name: string;
  displayName: string;
  /** Known for the email types only. */
  contentType?: string;
}

const EMAIL_MESSAGE = 'application/vnd.etmc.email.Message';

/** The asset types txkit publishes (SFMC has no SMS asset type). */
const ASSET_TYPES: readonly AssetType[] = [
  {
    id: 207,
    name: 'templatebasedemail',
    displayName: 'Template-Based Email',
    contentType: `${EMAIL_MESSAGE}; kind=template`,
  },
  { id: 208, name: 'htmlemail', displayName: 'HTML Email', contentType: `${EMAIL_MESSAGE}; kind=paste` },
  { id: 209, name: 'textonlyemail', displayName: 'Text Only Email' },
  { id: 4, name: 'template', displayName: 'Template' },
  { id: 196, name: 'textblock', displayName: 'Text Block' },
  { id: 197, name: 'htmlblock', displayName: 'HTML Block' },
  { id: 230, name: 'jsonmessage', displayName: 'JSON Message' },
];

/** Asset types a transactional email definition can send. */
export const EMAIL_ASSET_TYPE_IDS: ReadonlySet<number> = new Set([207, 208, 209]);

const DEFAULT_CATEGORY = { id: 1, name: 'Content Builder', parentId: 0 };
const API_USER = { id: 1, name: 'Sandbox API User' };

// Content Builder's codes are not in our sources except the uniqueness one; the sync code reads
// the messages (errors[].message | validationErrors[].message | message), not these numbers.
const INVALID_FIELD = 10000;
const NOT_UNIQUE = 118039;

/** Content Builder's validation error: the top-level message repeats the first validation error. */
function assetError(status: number, errorcode: number, message: string): Reply {
  const error = { message, errorcode, documentation: '' };
  return reply(status, { ...error, validationErrors: [error] });
}

function assetNotFound(id: string): Reply {
  return sfmcError(404, 0, `Asset with id ${id} not found.`);
}

function resolveAssetType(value: unknown): AssetType | undefined {
  if (!isRecord(value)) return undefined;
  return ASSET_TYPES.find((type) => type.id === value.id || type.name === value.name);
}

/** What is wrong with a would-be asset, judged against the others; undefined when nothing is. */
function assetProblem(candidate: JsonObject, assets: Map<number, AssetRecord>, ownId?: number): Reply | undefined {
  const { name, customerKey } = candidate;
  if (!isFilledString(name)) return assetError(400, INVALID_FIELD, 'Name is required.');
  if (customerKey !== undefined && (typeof customerKey !== 'string' || customerKey.length > 36)) {
    return assetError(400, INVALID_FIELD, 'Customer Key must be a string of at most 36 characters.');
  }
  const assetType = resolveAssetType(candidate.assetType);
  if (!assetType) {
    return assetError(400, INVALID_FIELD, 'Asset type is required and must name a known type (id or name).');
  }
  const categoryId = isRecord(candidate.category) ? candidate.category.id : DEFAULT_CATEGORY.id;
  if (!Number.isInteger(categoryId)) return assetError(400, INVALID_FIELD, 'Category id must be an integer.');
  for (const other of assets.values()) {
    if (other.id === ownId) continue;
    if (typeof customerKey === 'string' && other.customerKey.toLowerCase() === customerKey.toLowerCase()) {
      return assetError(400, NOT_UNIQUE, 'Customer Key must be unique.');
    }
    if (other.name === name && other.category.id === categoryId && other.assetType.id === assetType.id) {
      return assetError(400, NOT_UNIQUE, 'Asset names within a category and asset type must be unique.');
    }
  }
  return undefined;
}

/** The stored form of a valid candidate: the client's fields, then everything SFMC owns. */
function buildAsset(candidate: JsonObject, now: number, id: number, previous?: AssetRecord): AssetRecord {
  const { contentType, ...assetType } = resolveAssetType(candidate.assetType) as AssetType;
  const stamp = new Date(now).toISOString();
  // `channels` is accepted on write but never read back (recorded 808714/get-response.json has none).
  const { channels: _notReadBack, ...fields } = candidate;
  return {
    ...fields,
    id,
    objectID: previous?.objectID ?? randomUUID(),
    customerKey: typeof candidate.customerKey === 'string' ? candidate.customerKey : randomUUID(),
    name: candidate.name as string,
    assetType,
    contentType,
    category: isRecord(candidate.category) ? { ...candidate.category, id: candidate.category.id as number } : DEFAULT_CATEGORY,
    status: { id: 1, name: 'Draft' },
    availableViews: isRecord(candidate.views) ? Object.keys(candidate.views) : [],
    modelVersion: 2,
    version: (previous?.version ?? 0) + 1,
    createdDate: previous?.createdDate ?? stamp,
    createdBy: API_USER,
    modifiedDate: stamp,
    modifiedBy: API_USER,
    memberId: 1,
  };
}

/** Creates an asset from a POST body; shared with seeding so both validate alike. */
export function createAsset({ body, state, now }: CreateContext): Reply {
  if (!isRecord(body)) return assetError(400, INVALID_FIELD, 'The request body must be a JSON object.');
  const problem = assetProblem(body, state.sfmc.assets);
  if (problem) return problem;
  const asset = buildAsset(body, now, nextId(state.sfmc.assets.keys(), 1000));
  state.sfmc.assets.set(asset.id, asset);
  return reply(201, asset);
}

/** PATCH merges into the stored asset, PUT replaces it; both keep its identity and creation. */
function updateAsset(mode: 'merge' | 'replace') {
  return ({ params, body, state, now }: RouteContext): Reply => {
    const previous = findById(state.sfmc.assets, params.id);
    if (!previous) return assetNotFound(params.id ?? '');
    if (!isRecord(body)) return assetError(400, INVALID_FIELD, 'The request body must be a JSON object.');
    const candidate = mode === 'merge' ? mergeDeep(previous, body) : body;
    const problem = assetProblem(candidate, state.sfmc.assets, previous.id);
    if (problem) return problem;
    const asset = buildAsset(candidate, now, previous.id, previous);
    state.sfmc.assets.set(asset.id, asset);
    return reply(200, asset);
  };
}

function listReply(page: Page<AssetRecord>, count: number): Reply {
  return reply(200, { count, page: page.page, pageSize: page.pageSize, links: {}, items: page.items });
}

function listAssets({ query, state }: RouteContext): Reply {
  const matching = applyFilter([...state.sfmc.assets.values()], query);
  if (!matching) return assetError(400, INVALID_FIELD, `Unsupported $filter: ${query.get('$filter')}`);
  return listReply(pageFromQuery(matching, query), matching.length);
}

/** A simple query `{property, simpleOperator, value}`; compound queries are not emulated. */
function assetMatcher(query: unknown): ((asset: AssetRecord) => boolean) | undefined {
  if (query === undefined) return () => true;
  if (!isRecord(query) || typeof query.property !== 'string') return undefined;
  const { property, value } = query;
  const same = (asset: AssetRecord, wanted: unknown) => String(valueAtPath(asset, property)).toLowerCase() === String(wanted).toLowerCase();
  switch (query.simpleOperator) {
    case 'equal':
      return (asset) => same(asset, value);
    case 'notEqual':
      return (asset) => !same(asset, value);
    case 'in':
      return Array.isArray(value) ? (asset) => value.some((wanted) => same(asset, wanted)) : undefined;
    default:
      return undefined;
  }
}

function queryAssets({ body, state }: RouteContext): Reply {
  const request = isRecord(body) ? body : {};
  const matches = assetMatcher(request.query);
  if (!matches) {
    const supported = 'use {property, simpleOperator: equal|notEqual|in, value}';
    return assetError(400, INVALID_FIELD, `Unsupported query: ${supported}.`);
  }
  const matching = [...state.sfmc.assets.values()].filter(matches);
  const paging = isRecord(request.page) ? request.page : {};
  return listReply(pageOf(matching, paging.page, paging.pageSize), matching.length);
}

const asset = { platform: 'sfmc', auth: 'sfmc-token', rateLimit: 'sfmc' } as const;
const ASSETS = '/asset/v1/content/assets';

export const assetRoutes: Route[] = [
  { ...asset, method: 'GET', path: ASSETS, kind: 'read', handle: listAssets },
  { ...asset, method: 'POST', path: ASSETS, kind: 'write', handle: createAsset },
  { ...asset, method: 'POST', path: `${ASSETS}/query`, kind: 'read', handle: queryAssets },
  {
    ...asset,
    method: 'GET',
    path: `${ASSETS}/:id`,
    kind: 'read',
    handle: ({ params, state }) => {
      const found = findById(state.sfmc.assets, params.id);
      return found ? reply(200, found) : assetNotFound(params.id ?? '');
    },
  },
  { ...asset, method: 'PATCH', path: `${ASSETS}/:id`, kind: 'write', handle: updateAsset('merge') },
  { ...asset, method: 'PUT', path: `${ASSETS}/:id`, kind: 'write', handle: updateAsset('replace') },
  {
    ...asset,
    method: 'DELETE',
    path: `${ASSETS}/:id`,
    kind: 'write',
    handle: ({ params, state }) => {
      const found = findById(state.sfmc.assets, params.id);
      if (!found) return assetNotFound(params.id ?? '');
      state.sfmc.assets.delete(found.id);
      return reply(200, 'OK');
    },
  },
];
