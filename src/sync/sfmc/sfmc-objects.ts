/**
 * The SFMC objects a message becomes (pure): the htmlemail asset, the transactional email send
 * definition that sends it, the transactional SMS definition. Each holds exactly the fields
 * txkit manages, which is also what a plan compares with the remote state.
 */

import type { Message } from '../../workspace/index.js';
import { flattenFields, planAction, type ChangeAction, type FieldChange } from '../plan.js';
import type { ExportedMessage } from '../sync-target.js';
import type { SfmcObject } from './sfmc-api.js';
import { sfmcList, type SfmcDefaults, type SfmcPublication } from '../../platforms/sfmc/message-export.js';

/**
 * An object's name: SFMC wants definition names unique, and asset names unique in their
 * folder (shared/docs/platform-api.md), so a translation's say its language: "Order confirmation (fr)".
 */
function objectName(name: string, publication: SfmcPublication): string {
  return publication.language === undefined ? name : `${name} (${publication.language})`;
}

/** Content Builder's "HTML Paste" email: no template, the views are the content. */
export const HTML_EMAIL = { name: 'htmlemail', id: 208 } as const;

export function desiredAsset(message: Message, publication: SfmcPublication, email: NonNullable<ExportedMessage['email']>): SfmcObject {
  const { target } = publication;
  return {
    name: objectName(target.name ?? message.definition.name, publication),
    customerKey: publication.email!.customerKey,
    ...(target.categoryId !== undefined ? { category: { id: target.categoryId } } : {}),
    channels: { email: true, web: false },
    assetType: { ...HTML_EMAIL },
    views: {
      html: { content: email.html },
      text: { content: email.text },
      subjectline: { content: email.subject },
      preheader: { content: email.preheader },
    },
    data: { email: { options: { characterEncoding: 'utf-8' } } },
  };
}

export function desiredEmailDefinition(message: Message, publication: SfmcPublication, defaults: SfmcDefaults = {}): SfmcObject {
  const { target } = publication;
  const list = sfmcList(target, defaults);
  const { dataExtension } = target.subscriptions ?? {};
  const subscriptions = { ...(list !== undefined ? { list } : {}), ...(dataExtension !== undefined ? { dataExtension } : {}) };
  return {
    definitionKey: publication.email!.definitionKey,
    name: objectName(target.name ?? message.definition.name, publication),
    ...(message.definition.description !== undefined ? { description: message.definition.description } : {}),
    classification: target.classification,
    status: target.status,
    content: { customerKey: publication.email!.customerKey },
    ...(Object.keys(subscriptions).length > 0 ? { subscriptions } : {}),
    options: { trackLinks: target.trackLinks },
  };
}

export function desiredSmsDefinition(message: Message, publication: SfmcPublication, text: string): SfmcObject {
  const sms = publication.sms!;
  return {
    definitionKey: sms.definitionKey,
    name: objectName(sms.name ?? message.definition.name, publication),
    ...(message.definition.description !== undefined ? { description: message.definition.description } : {}),
    status: sms.status,
    content: { message: text },
    subscriptions: { shortCode: sms.shortCode, keyword: sms.keyword, ...(sms.countryCode !== undefined ? { countryCode: sms.countryCode } : {}) },
  };
}

/** Fields SFMC matches without regard to case (keys, statuses, codes), so a case change is no change. */
const CASE_INSENSITIVE = new Set(['customerKey', 'content.customerKey', 'status', 'classification', 'subscriptions.keyword', 'subscriptions.countryCode']);

function comparable(path: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  // Line endings are not content: an editor or SFMC may store either.
  const text = value.replace(/\r\n/g, '\n');
  return CASE_INSENSITIVE.has(path) ? text.toLowerCase() : text;
}

function comparableFields(value: unknown): Record<string, unknown> {
  return Object.fromEntries([...flattenFields(value)].map(([path, leaf]) => [path, comparable(path, leaf)]));
}

/** Fields SFMC reads back empty whatever was written (recorded testExisting_tsms/get-response.json: `countryCode: ""`). */
const READ_BACK_EMPTY = new Set(['subscriptions.countryCode']);

/**
 * The managed fields the platform reports back. A field the read omits (an asset's `channels`:
 * recorded 808714/get-response.json) or reads back empty is write-only: comparing it would
 * rewrite the object on every push.
 */
function returnedFields(desired: SfmcObject, remote: SfmcObject): Record<string, unknown> {
  const remoteFields = flattenFields(remote);
  const returned = (path: string) => remoteFields.has(path) && !(READ_BACK_EMPTY.has(path) && (remoteFields.get(path) ?? '') === '');
  return Object.fromEntries([...flattenFields(desired)].filter(([path]) => returned(path)).map(([path, leaf]) => [path, comparable(path, leaf)]));
}

/**
 * create / update / unchanged for one object: only the managed fields (those of `desired`) that
 * the platform returns are compared, as SFMC normalizes them; changes report the values as
 * written on each side.
 */
export function compareWithRemote(desired: SfmcObject, remote: SfmcObject | undefined): { action: ChangeAction; changes: FieldChange[] } {
  if (remote === undefined) return planAction(desired, undefined);
  const { action, changes } = planAction(returnedFields(desired, remote), comparableFields(remote));
  const before = flattenFields(remote);
  const after = flattenFields(desired);
  return { action, changes: changes.map(({ path }) => ({ path, before: before.get(path), after: after.get(path) })) };
}

/** The body of a PATCH: everything managed except what SFMC refuses to update (definitionKey). */
export function updatableFields(desired: SfmcObject): SfmcObject {
  const { definitionKey: _identity, ...fields } = desired;
  return fields;
}
