import { isAlias, isMap, isPair, isScalar, visit, YAMLParseError, type Document, type Node as YamlNode, type Pair, type YAMLError, type YAMLMap } from 'yaml';
import type { Diagnostic, Position } from '../diagnostics/index.js';
import { positionAt } from '../diagnostics/index.js';
import type { TemplateSource } from './template-source.js';
import { maxNestingDepth, parseBoundedDocument } from './nesting-depth.js';
import { syntaxJson } from './rules/syntax-json.js';
import { syntaxYaml } from './rules/syntax-yaml.js';

export type PathSegment = string | number;

/** A parsed YAML (or JSON) file that can say where any value in it is. */
export interface LocatedDocument {
  file: string;
  text: string;
  value: unknown;
  /** Position of the value at `path` (or of its key with `at: 'key'`); the key of the nearest existing parent otherwise. */
  locate(path: readonly PathSegment[], at?: 'key' | 'value'): Position;
  /** A template string stored at `path`, with positions mapped back into this file. */
  templateAt(path: readonly PathSegment[]): TemplateSource | undefined;
}

export interface ParseResult {
  document?: LocatedDocument;
  diagnostics: Diagnostic[];
}

// Paths are looked up once per diagnostic: scanning a mapping of 20 000 attributes each time was quadratic.
const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The first pair of `map` whose scalar key reads `segment`. */
function pairAt(map: YAMLMap, segment: PathSegment): Pair | undefined {
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      if (isPair(item) && isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
    }
    pairIndexes.set(map, index);
  }
  return index.get(String(segment));
}

function nodeAt(doc: Document, path: readonly PathSegment[]): { node?: YamlNode; keyNode?: YamlNode; depth: number } {
  let current: unknown = doc.contents;
  let keyNode: YamlNode | undefined;
  let depth = 0;
  for (const segment of path) {
    if (isMap(current)) {
      const pair = pairAt(current, segment);
      if (!pair) break;
      keyNode = pair.key as YamlNode;
      current = pair.value;
    } else if (current && typeof current === 'object' && 'items' in current && typeof segment === 'number') {
      const items = (current as { items: unknown[] }).items;
      if (segment >= items.length) break;
      keyNode = undefined;
      current = items[segment];
    } else {
      break;
    }
    depth++;
  }
  const node = current && typeof current === 'object' && 'range' in current ? (current as YamlNode) : undefined;
  return { ...(node ? { node } : {}), ...(keyNode ? { keyNode } : {}), depth };
}

/**
 * For a one-line quoted scalar: the offset in `raw` (the text between the quotes) of each
 * UTF-16 unit of the value, plus one past the end. Escapes (`\"`, `\u00e9`, `''`) are longer
 * in the file than in the value, so columns after them shift.
 */
function quotedValueOffsets(raw: string, quote: '"' | "'"): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < raw.length;) {
    let width = 1;
    let units = 1;
    if (quote === "'" && raw.startsWith("''", i)) {
      width = 2;
    } else if (quote === '"' && raw[i] === '\\') {
      const kind = raw[i + 1];
      width = kind === 'x' ? 4 : kind === 'u' ? 6 : kind === 'U' ? 10 : 2;
      if (kind === 'U' && Number.parseInt(raw.slice(i + 2, i + 10), 16) > 0xffff) units = 2;
    }
    for (let unit = 0; unit < units; unit++) offsets.push(i);
    i += width;
  }
  offsets.push(raw.length);
  return offsets;
}

/**
 * Maps offsets of a scalar's value to offsets in the file. Exact for one-line scalars and block
 * literals (`|`); folded and multi-line flow scalars rewrap lines, so they map to the scalar's start.
 */
function scalarOffsetMapper(text: string, node: YamlNode): (offset: number) => number {
  const [start, end] = node.range ?? [0, 0];
  const raw = text.slice(start, end);
  const type = isScalar(node) ? node.type : undefined;
  if (type === 'PLAIN' && !raw.includes('\n')) return (offset) => start + offset;
  if ((type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') && !raw.includes('\n')) {
    const offsets = quotedValueOffsets(raw.slice(1, -1), type === 'QUOTE_DOUBLE' ? '"' : "'");
    return (offset) => start + 1 + offsets[Math.max(0, Math.min(offset, offsets.length - 1))]!;
  }
  if (type === 'BLOCK_LITERAL') {
    // Content lines follow the `|` header line and share the indentation of the first non-empty one.
    const contentStart = text.indexOf('\n', start) + 1;
    const indent = /^(?:[ ]*\r?\n)*([ ]*)/.exec(text.slice(contentStart))?.[1]!.length ?? 0;
    const value = isScalar(node) ? String(node.value) : '';
    return (offset) => {
      const before = value.slice(0, offset);
      const line = before.split('\n').length - 1;
      const column = before.length - (before.lastIndexOf('\n') + 1);
      let lineStart = contentStart;
      for (let i = 0; i < line; i++) lineStart = text.indexOf('\n', lineStart) + 1;
      return lineStart + indent + column;
    };
  }
  return () => start;
}

/** The first scalar or alias (keys included, in document order) that `matches` accepts. */
function findNode(doc: Document, matches: (node: YamlNode) => boolean): YamlNode | undefined {
  let found: YamlNode | undefined;
  const check = (_key: unknown, node: YamlNode) => {
    if (!matches(node)) return undefined;
    found = node;
    return visit.BREAK;
  };
  visit(doc, { Scalar: check, Alias: check });
  return found;
}

// Found once per document: a file can have thousands of duplicate keys, each needing its key.
const scalarStarts = new WeakMap<Document, Map<number, YamlNode>>();

/** The first scalar (keys included, in document order) that starts at `offset`. */
function scalarStartingAt(doc: Document, offset: number): YamlNode | undefined {
  let index = scalarStarts.get(doc);
  if (!index) {
    const starts = new Map<number, YamlNode>();
    visit(doc, {
      Scalar(_key, node) {
        if (node.range && !starts.has(node.range[0])) starts.set(node.range[0], node);
      },
    });
    scalarStarts.set(doc, (index = starts));
  }
  return index.get(offset);
}

function yamlErrorDiagnostic(file: string, text: string, doc: Document, ruleId: string, error: YAMLError): Diagnostic {
  let offset = error.pos[0];
  let message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  let hint: string | undefined;
  if (error.code === 'DUPLICATE_KEY') {
    const key = scalarStartingAt(doc, offset);
    if (isScalar(key)) message = `duplicate key \`${String(key.value)}\``;
    hint = 'a key may appear only once in a mapping: remove or rename one of them';
  } else if (error.code === 'MISSING_CHAR' && message.includes('quote')) {
    // An unclosed quote swallows the rest of the file, so yaml notices at the end; the fix is at the opening quote.
    const quoted = findNode(
      doc,
      (node) =>
        isScalar(node) &&
        (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') &&
        node.range != null &&
        node.range[0] <= offset &&
        offset <= node.range[2],
    );
    offset = quoted?.range?.[0] ?? offset;
    message = 'unclosed quoted string';
    hint = 'close the quote on the same line';
  }
  const { line, column } = positionAt(text, offset);
  return { ruleId, severity: 'error', message, file, line, column, ...(hint ? { hint } : {}) };
}

/** `doc` is built on first use: a JSON sample needs its YAML view only when a diagnostic needs a position. */
function locatedDocument(file: string, text: string, doc: () => Document, value: unknown): LocatedDocument {
  return {
    file,
    text,
    value,
    locate(path, at = 'value') {
      const { node, keyNode, depth } = nodeAt(doc(), path);
      // A path that does not exist (a missing required key) points at the key of its deepest existing parent.
      const target = (at === 'key' || depth < path.length) && keyNode ? keyNode : node;
      return positionAt(text, target?.range?.[0] ?? 0);
    },
    templateAt(path) {
      const { node, depth } = nodeAt(doc(), path);
      if (!node || depth !== path.length || !isScalar(node) || typeof node.value !== 'string') return undefined;
      const toFileOffset = scalarOffsetMapper(text, node);
      return { file, text: node.value, locate: (offset) => positionAt(text, toFileOffset(offset)) };
    },
  };
}

function tooDeepDiagnostic(file: string, text: string, ruleId: string, offset: number): Diagnostic {
  return {
    ruleId,
    severity: 'error',
    message: `values are nested more than ${maxNestingDepth} levels deep`,
    file,
    ...positionAt(text, offset),
    hint: 'flatten the data',
  };
}

/**
 * Duplicate keys, found with a Set per mapping. yaml's own check (`uniqueKeys`) compares each
 * key with every earlier one: 20 000 attributes took 14 s to parse. Same error, same place.
 */
function duplicateKeyErrors(doc: Document): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key) || !key.range) continue;
        if (seen.has(key.value)) errors.push(new YAMLParseError([key.range[0], key.range[1]], 'DUPLICATE_KEY', 'Map keys must be unique'));
        seen.add(key.value);
      }
    },
  });
  return errors;
}

/** Parses YAML into plain data; syntax errors, duplicate keys, alias bombs and runaway nesting become diagnostics. */
export function parseYaml(file: string, text: string, ruleId = syntaxYaml.meta.id): ParseResult {
  const { document: doc, tooDeepAt } = parseBoundedDocument(text, { prettyErrors: false, uniqueKeys: false, strict: true });
  if (tooDeepAt !== undefined) return { diagnostics: [tooDeepDiagnostic(file, text, ruleId, tooDeepAt)] };
  const problems = [...doc.errors, ...duplicateKeyErrors(doc)];
  if (problems.length > 0) return { diagnostics: problems.map((error) => yamlErrorDiagnostic(file, text, doc, ruleId, error)) };
  try {
    // maxAliasCount bounds "billion laughs" documents.
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    return { document: locatedDocument(file, text, () => doc, value), diagnostics: [] };
  } catch {
    const { line, column } = positionAt(text, findNode(doc, isAlias)?.range?.[0] ?? 0);
    return {
      diagnostics: [
        {
          ruleId,
          severity: 'error',
          message: 'YAML aliases expand to too many values',
          file,
          line,
          column,
          hint: 'write the values out instead of nesting aliases (*name)',
        },
      ],
    };
  }
}

/** Position of a JSON.parse failure, from V8's "at position N" or "(line L column C)" message. */
function jsonErrorOffset(text: string, message: string): number {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) {
    const lines = text.split('\n').slice(0, Number(lineColumn[1]) - 1);
    return lines.reduce((sum, line) => sum + line.length + 1, 0) + Number(lineColumn[2]) - 1;
  }
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  return text.length;
}

/** JSON.parse's complaint, reworded for the three mistakes people make by hand: truncation, trailing comma, missing comma. */
function jsonErrorDiagnostic(file: string, text: string, ruleId: string, parseMessage: string): Diagnostic {
  const offset = jsonErrorOffset(text, parseMessage);
  const at = (position: number, message: string, hint: string): Diagnostic => ({
    ruleId,
    severity: 'error',
    message: `invalid JSON: ${message}`,
    file,
    ...positionAt(text, position),
    hint,
  });
  if (text.trim() === '') return at(0, 'the file is empty', 'write a JSON value, e.g. {}');
  if (offset >= text.trimEnd().length) return at(offset, 'the file ends before the JSON value does', 'the file looks truncated: close every open {, [ and "');
  const comma = text.slice(0, offset).trimEnd();
  if (comma.endsWith(',') && /^[}\]]/.test(text.slice(offset)))
    return at(comma.length - 1, 'trailing comma', 'JSON allows no comma after the last entry: remove it');
  const cleaned = parseMessage
    .replace(/^JSON\.parse: /, '')
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/ \(line \d+ column \d+\)$/, '');
  return at(offset, cleaned, 'check for a missing comma, quote or brace near this position');
}

/**
 * Deepest nesting of `[` and `{` in JSON text, strings skipped: an upper bound of what the YAML
 * view's depth check measures, found without building that view.
 */
function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 0x22 /* " */) {
      for (index++; index < text.length && text.charCodeAt(index) !== 0x22; index++) if (text.charCodeAt(index) === 0x5c /* \ */) index++;
    } else if (char === 0x5b /* [ */ || char === 0x7b /* { */) deepest = Math.max(deepest, ++depth);
    else if (char === 0x5d /* ] */ || char === 0x7d /* } */) depth--;
  }
  return deepest;
}

/**
 * Parses strict JSON (JSON.parse decides validity, so nothing YAML-only sneaks in), then keeps a
 * YAML view of the same text for positions: JSON is a subset of YAML 1.2. The view is built when
 * a position is first asked for (most samples never need one), or at once for text nested deep
 * enough that the view's depth check may refuse it.
 */
export function parseJson(file: string, text: string, ruleId = syntaxJson.meta.id): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { diagnostics: [jsonErrorDiagnostic(file, text, ruleId, error instanceof Error ? error.message : String(error))] };
  }
  const view = () => parseBoundedDocument(text, { prettyErrors: false, uniqueKeys: false });
  if (jsonNestingDepth(text) < maxNestingDepth) {
    let doc: Document | undefined;
    return { document: locatedDocument(file, text, () => (doc ??= view().document!), value), diagnostics: [] };
  }
  const { document: doc, tooDeepAt } = view();
  if (tooDeepAt !== undefined) return { diagnostics: [tooDeepDiagnostic(file, text, ruleId, tooDeepAt)] };
  return { document: locatedDocument(file, text, () => doc, value), diagnostics: [] };
}
