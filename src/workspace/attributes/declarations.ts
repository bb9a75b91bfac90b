import type { AttributeSpec, MessageDefinition } from '../message-schema.js';

export const namespaces = ['customer', 'trigger'] as const;
export type Namespace = (typeof namespaces)[number];

export type AttributeMap = Readonly<Record<string, AttributeSpec>>;

/** A segment of an attribute path: a name or an array index. */
export type PathSegment = string | number;

export function isNamespace(name: PathSegment | undefined): name is Namespace {
  return (namespaces as readonly (PathSegment | undefined)[]).includes(name);
}

export function declaredAttributes(definition: MessageDefinition, namespace: Namespace): AttributeMap {
  return definition.attributes[namespace] ?? {};
}

/** Properties Liquid and Handlebars give strings and arrays: `items.size`, `items.first.name`. */
const builtInProperties = new Set(['size', 'length', 'first', 'last']);
const elementProperties = new Set(['first', 'last']);

/** What a template path reads, measured against the attributes message.yaml declares. */
export type PathResolution =
  | { kind: 'declared' }
  /** The whole namespace (`{{#with customer}}`, `customer[trigger.key]`): any attribute may be read. */
  | { kind: 'namespace' }
  /** `owner` (e.g. `trigger` or `trigger.items[]`) has no `name`; `known` are the names it has. */
  | { kind: 'undeclared'; owner: string; name: string; known: string[] };

function resolveInside(spec: AttributeSpec, owner: string, rest: readonly PathSegment[]): PathResolution {
  const [segment, ...deeper] = rest;
  if (segment === undefined) return { kind: 'declared' };
  if (spec.type === 'object') return spec.fields ? resolveFields(spec.fields, owner, rest) : { kind: 'declared' };
  if (spec.type === 'array' && (typeof segment === 'number' || elementProperties.has(segment))) {
    return spec.fields ? resolveFields(spec.fields, `${owner}[]`, deeper) : { kind: 'declared' };
  }
  if (typeof segment === 'string' && builtInProperties.has(segment)) return { kind: 'declared' };
  return { kind: 'undeclared', owner, name: String(segment), known: [...builtInProperties] };
}

function resolveFields(fields: AttributeMap, owner: string, rest: readonly PathSegment[]): PathResolution {
  const [name, ...deeper] = rest;
  if (name === undefined) return { kind: 'declared' };
  const spec = Object.hasOwn(fields, name) ? fields[name] : undefined;
  if (!spec) return { kind: 'undeclared', owner, name: String(name), known: Object.keys(fields) };
  return resolveInside(spec, `${owner}.${name}`, deeper);
}

/** How a path that starts with customer or trigger relates to the declarations. */
export function resolvePath(definition: MessageDefinition, namespace: Namespace, rest: readonly PathSegment[]): PathResolution {
  if (rest.length === 0) return { kind: 'namespace' };
  return resolveFields(declaredAttributes(definition, namespace), namespace, rest);
}
