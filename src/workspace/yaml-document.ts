import { isMap, isPair, isScalar, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Diagnostic, Position } from '../diagnostics/index.js';
import { positionAt } from '../diagnostics/index.js';
import type { TemplateSource } from '../render/index.js';

export type PathSegment = string | number;

/** A parsed YAML (or JSON) file that can say where any value in it is. */
export interface LocatedDocument {
  file: string;
  text: string;
  value: unknown;
  /** Position of the value at `path` (or of its key with `at: 'key'`); the nearest existing parent otherwise. */
  locate(path: readonly PathSegment[], at?: 'key' | 'value'): Position;
  /** A template string stored at `path`, with positions mapped back into this file. */
  templateAt(path: readonly PathSegment[]): TemplateSource | undefined;
}

export interface ParseResult {
  document?: LocatedDocument;
  diagnostics: Diagnostic[];
}

function nodeAt(doc: Document, path: readonly PathSegment[]): { node?: YamlNode; keyNode?: YamlNode; depth: number } {
  let current: unknown = doc.contents;
  let keyNode: YamlNode | undefined;
  let depth = 0;
  for (const segment of path) {
    if (isMap(current)) {
      const pair = current.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
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

/** Maps offsets of a scalar's value to offsets in the file, for the scalar styles that allow it. */
function scalarOffsetMapper(text: string, node: YamlNode): (offset: number) => number {
  const [start, end] = node.range ?? [0, 0];
  const raw = text.slice(start, end);
  const type = isScalar(node) ? node.type : undefined;
  if ((type === 'PLAIN' || type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') && !raw.includes('\n')) {
    const opening = type === 'PLAIN' ? 0 : 1;
    return (offset) => start + opening + offset;
  }
  if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') {
    // Content lines follow the `|` header line and share one indentation.
    const contentStart = text.indexOf('\n', start) + 1;
    const indent = /^[ ]*/.exec(text.slice(contentStart))?.[0].length ?? 0;
    return (offset) => {
      const value = String((node as { value?: unknown }).value ?? '');
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

function yamlErrorDiagnostic(file: string, text: string, ruleId: string, error: { message: string; pos: [number, number] }): Diagnostic {
  const { line, column } = positionAt(text, error.pos[0]);
  const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return { ruleId, severity: 'error', message, file, line, column };
}

function locatedDocument(file: string, text: string, doc: Document, value: unknown): LocatedDocument {
  return {
    file,
    text,
    value,
    locate(path, at = 'value') {
      const { node, keyNode, depth } = nodeAt(doc, path);
      const target = at === 'key' && depth === path.length && keyNode ? keyNode : node;
      return positionAt(text, target?.range?.[0] ?? 0);
    },
    templateAt(path) {
      const { node, depth } = nodeAt(doc, path);
      if (!node || depth !== path.length || !isScalar(node) || typeof node.value !== 'string') return undefined;
      const toFileOffset = scalarOffsetMapper(text, node);
      return { file, text: node.value, locate: (offset) => positionAt(text, toFileOffset(offset)) };
    },
  };
}

/** Parses YAML into plain data; syntax errors, duplicate keys and alias bombs become diagnostics. */
export function parseYaml(file: string, text: string, ruleId = 'syntax/yaml'): ParseResult {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  const problems = [...doc.errors];
  if (problems.length > 0) return { diagnostics: problems.map((error) => yamlErrorDiagnostic(file, text, ruleId, error)) };
  try {
    // maxAliasCount bounds "billion laughs" documents.
    const value = doc.toJS({ maxAliasCount: 100 });
    return { document: locatedDocument(file, text, doc, value), diagnostics: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { diagnostics: [{ ruleId, severity: 'error', message, file, line: 1, column: 1, hint: 'avoid deeply nested YAML aliases' }] };
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

/**
 * Parses strict JSON (JSON.parse decides validity, so nothing YAML-only sneaks in), then keeps a
 * YAML view of the same text for positions: JSON is a subset of YAML 1.2.
 */
export function parseJson(file: string, text: string, ruleId = 'syntax/json'): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { line, column } = positionAt(text, jsonErrorOffset(text, message));
    const cleaned = message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '');
    return { diagnostics: [{ ruleId, severity: 'error', message: `invalid JSON: ${cleaned}`, file, line, column, hint: 'check for a missing comma, quote or brace near this position' }] };
  }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  return { document: locatedDocument(file, text, doc, value), diagnostics: [] };
}
