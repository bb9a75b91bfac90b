/**
 * How template paths (`customer.first_name`, `trigger.order_id`) become SFMC attribute names.
 * SFMC transactional sends carry flat key/value strings (`recipient.attributes`), so a path is
 * its `attributeMap` entry, else its last segment; deeper paths need a mapping.
 */

import { untranslatable, type Untranslatable } from './export-problems.js';

/** An attribute a translation reads; `variable` is set when AMPscript reads it with AttributeValue. */
export interface AttributeRead {
  path: string;
  name: string;
  variable?: string;
  begin: number;
  end: number;
}

export const NAMESPACES: readonly string[] = ['customer', 'trigger'];

export type AttributeResolution = { path: string; name: string } | { message: string; hint: string };

/**
 * The SFMC attribute a path reads. `text` is the path as written (for messages); `segments`
 * are its names, undefined where a key is computed at render time (`trigger[key]`).
 */
export function resolveSfmcAttribute(
  text: string,
  segments: readonly (string | undefined)[],
  attributeMap: Readonly<Record<string, string>>,
): AttributeResolution {
  const [root, name] = segments;
  if (root === undefined || !NAMESPACES.includes(root)) {
    return {
      message: `${text} is not a customer or trigger attribute: SFMC personalizes only with the attributes sent with the message, not with template variables`,
      hint: 'compute the value in your backend and send it as a trigger attribute',
    };
  }
  if (segments.some((segment) => segment === undefined)) {
    return { message: `${text} looks a key up at send time, which SFMC attributes cannot do`, hint: 'send the looked-up value as its own trigger attribute' };
  }
  const path = segments.join('.');
  if (Object.hasOwn(attributeMap, path)) return { path, name: attributeMap[path] as string };
  if (name === undefined) {
    return { message: `${text} is a whole namespace, not an attribute`, hint: `output one of its attributes, such as ${root}.first_name` };
  }
  if (segments.length === 2) return { path, name };
  const flatName = text.slice(root.length).replace(/\W+/g, '_').replace(/^_|_$/g, '');
  return {
    message: `${text} is a nested path: SFMC transactional attributes are flat key/value strings`,
    hint: `flatten it into a trigger attribute such as trigger.${flatName} computed by your backend, or map the path to a flat SFMC attribute with attributeMap`,
  };
}

/**
 * Paths that export to the same SFMC attribute (names ignore case there), such as
 * `customer.email` and `trigger.email`, read one value in SFMC: worth a warning.
 */
export function sharedAttributeNames(reads: readonly AttributeRead[]): Untranslatable[] {
  const firstPathByName = new Map<string, string>();
  const reported = new Set<string>();
  const warnings: Untranslatable[] = [];
  for (const read of [...reads].sort((a, b) => a.begin - b.begin)) {
    const key = read.name.toLowerCase();
    const firstPath = firstPathByName.get(key);
    if (firstPath === undefined) firstPathByName.set(key, read.path);
    if (firstPath === undefined || firstPath === read.path || reported.has(read.path)) continue;
    reported.add(read.path);
    warnings.push(
      untranslatable(
        read,
        `${read.path} and ${firstPath} both export to the SFMC attribute "${read.name}", which holds one value`,
        `map one of them to its own attribute with attributeMap, such as {"${read.path}": "${read.path.replaceAll('.', '_')}"}`,
      ),
    );
  }
  return warnings;
}

/** The attributes message.yaml declares, by namespace (`attributes.customer` / `attributes.trigger`). */
export type DeclaredAttributes = Readonly<Partial<Record<'customer' | 'trigger', Readonly<Record<string, unknown>>>>>;

/**
 * A sample's data as SFMC `recipient.attributes`: every top-level customer/trigger value that
 * message.yaml declares, under its SFMC name, plus nested values attributeMap flattens under a
 * declared one. Undeclared sample fields are not sent: SFMC refuses a send attribute the account
 * has no field for (109122 UnknownFieldName, shared/docs/platform-api.md). Values are strings; `false` and
 * null are sent empty, because the export tests truthiness with Empty() (an attribute that
 * reads "false" would be true in SFMC). Arrays and objects without a mapping cannot be sent.
 */
export function sfmcAttributesOf(
  data: { customer: Record<string, unknown>; trigger: Record<string, unknown> },
  attributeMap: Readonly<Record<string, string>>,
  declared: DeclaredAttributes,
): Record<string, string> {
  const isDeclared = (namespace: string, key: string) => Object.hasOwn(declared[namespace as 'customer' | 'trigger'] ?? {}, key);
  const attributes: Record<string, string> = {};
  const put = (path: string, value: unknown) => {
    if (value === null || value === undefined || value === false) attributes[attributeMap[path] ?? lastSegment(path)] = '';
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      attributes[attributeMap[path] ?? lastSegment(path)] = String(value);
  };
  for (const namespace of NAMESPACES) {
    for (const [key, value] of Object.entries(data[namespace as 'customer' | 'trigger'])) if (isDeclared(namespace, key)) put(`${namespace}.${key}`, value);
  }
  for (const path of Object.keys(attributeMap)) {
    const [namespace, ...rest] = path.split('.');
    if (rest.length < 2 || namespace === undefined || !NAMESPACES.includes(namespace) || !isDeclared(namespace, rest[0]!)) continue;
    let value: unknown = data[namespace as 'customer' | 'trigger'];
    for (const segment of rest)
      value = value !== null && typeof value === 'object' && Object.hasOwn(value, segment) ? (value as Record<string, unknown>)[segment] : undefined;
    if (value !== undefined) put(path, value);
  }
  return attributes;
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}
