import type { Diagnostic } from '../diagnostics/index.js';
import type { PlatformError } from './platform-error.js';
import { isPlainObject } from '../workspace/attributes/value-type.js';

export type Platform = 'sfmc' | 'customerio';
export type ChangeAction = 'create' | 'update' | 'unchanged';

export interface FieldChange {
  /** Dotted path of the field, e.g. `views.subjectline.content`. */
  path: string;
  before: unknown;
  after: unknown;
}

/** One remote object and what must happen to it. */
export interface PlanStep {
  /** Unique within the plan, e.g. `sfmc:asset:txkit-order-confirmation`. */
  id: string;
  platform: Platform;
  /** What the object is: `asset`, `email-definition`, `sms-definition`, `content`, … */
  kind: string;
  /** The object's key on the platform. */
  key: string;
  messageId: string;
  action: ChangeAction;
  changes: FieldChange[];
  /** Steps that must succeed first (content before the definition that points at it). */
  dependsOn: string[];
  /** Performs the write; never called for `unchanged`. */
  apply(): Promise<void>;
  /** The platform's refusal of this write as diagnostics in the message's files (field by field). */
  explain?(error: PlatformError): Diagnostic[];
  /** Said once the write is done: what the platform still needs before it takes effect (e.g. an approval). */
  note?: string;
}

/** A difference the API cannot write (e.g. Customer.io message settings): reported, not fixed. */
export interface Drift {
  platform: Platform;
  messageId: string;
  kind: string;
  key: string;
  field: string;
  expected: unknown;
  actual: unknown;
}

export interface Plan {
  steps: PlanStep[];
  drift: Drift[];
  /** Problems found while planning (an unknown remote id, unsupported constructs). */
  diagnostics: Diagnostic[];
}

/** Leaf values by dotted path; arrays are leaves (compared whole). */
export function flattenFields(value: unknown, prefix = ''): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  if (!isPlainObject(value)) {
    fields.set(prefix, value);
    return fields;
  }
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(child)) for (const [childPath, leaf] of flattenFields(child, path)) fields.set(childPath, leaf);
    else fields.set(path, child);
  }
  return fields;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return (a ?? null) === (b ?? null);
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields of `desired` whose value differs on `remote`. Only what txkit manages is
 * compared: fields the platform adds (ids, dates, status objects) never show as changes.
 */
export function diffFields(desired: unknown, remote: unknown): FieldChange[] {
  const remoteFields = flattenFields(remote);
  const changes: FieldChange[] = [];
  for (const [path, after] of flattenFields(desired)) {
    const before = remoteFields.get(path);
    if (!sameValue(before, after)) changes.push({ path, before, after });
  }
  return changes;
}

/** Decide create / update / unchanged for one object from its desired and remote bodies. */
export function planAction(desired: unknown, remote: unknown): { action: ChangeAction; changes: FieldChange[] } {
  if (remote === undefined) return { action: 'create', changes: [...flattenFields(desired)].map(([path, after]) => ({ path, before: undefined, after })) };
  const changes = diffFields(desired, remote);
  return { action: changes.length === 0 ? 'unchanged' : 'update', changes };
}

export function countActions(plan: Plan): Record<ChangeAction, number> {
  const counts: Record<ChangeAction, number> = { create: 0, update: 0, unchanged: 0 };
  for (const step of plan.steps) counts[step.action]++;
  return counts;
}
