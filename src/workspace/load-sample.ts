import path from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { namespaces } from './attributes/declarations.js';
import { isPlainObject } from './attributes/value-type.js';
import type { RenderContext } from './render-context.js';
import type { Sample } from './model.js';
import { decodeSource } from './read-source-file.js';
import { samplesShape } from './rules/samples-shape.js';
import { syntaxJson } from './rules/syntax-json.js';
import { parseJson } from './yaml-document.js';

/**
 * Parses `samples/<name>.json` = `{ "customer": {...}, "trigger": {...}, "language": "fr" }`. Either
 * namespace may be omitted (it is then empty), and `language` too (the default language); anything
 * else at the top level is a diagnostic.
 */
export function parseSample(file: string, content: Uint8Array | string): { sample?: Sample; diagnostics: Diagnostic[] } {
  const decoded = typeof content === 'string' ? { text: content } : decodeSource(file, content, syntaxJson.meta.id);
  if (decoded.diagnostic) return { diagnostics: [decoded.diagnostic] };
  const { document, diagnostics } = parseJson(file, decoded.text.replace(/^\uFEFF/, ''));
  if (!document) return { diagnostics };
  const shapeProblem = (message: string, at: (string | number)[], hint: string): Diagnostic => ({
    ruleId: samplesShape.meta.id,
    severity: samplesShape.meta.defaultSeverity,
    message,
    file,
    ...document.locate(at, 'key'),
    hint,
  });
  const value = document.value;
  if (!isPlainObject(value)) {
    return { diagnostics: [shapeProblem('a sample is a JSON object', [], 'write { "customer": { ... }, "trigger": { ... } }')] };
  }
  const problems: Diagnostic[] = [];
  for (const key of Object.keys(value)) {
    if (!(namespaces as readonly string[]).includes(key) && key !== 'language') {
      problems.push(shapeProblem(`unknown top-level key "${key}"`, [key], 'a sample has only "customer", "trigger" and "language"'));
    }
  }
  const language = Object.hasOwn(value, 'language') ? value.language : undefined;
  if (language !== undefined && typeof language !== 'string') {
    problems.push(shapeProblem('"language" must be a language code', ['language'], 'write "language": "fr" (a language of locales in txkit.config.yaml)'));
  }
  const data: RenderContext = { customer: {}, trigger: {} };
  for (const namespace of namespaces) {
    const part = Object.hasOwn(value, namespace) ? value[namespace] : undefined;
    if (part === undefined) continue;
    if (isPlainObject(part)) data[namespace] = part;
    else problems.push(shapeProblem(`"${namespace}" must be an object`, [namespace], `write "${namespace}": { "name": "value" }`));
  }
  if (problems.length > 0) return { diagnostics: problems };
  const sample: Sample = { name: path.basename(file, '.json'), file, data, document, ...(typeof language === 'string' ? { language } : {}) };
  return { sample, diagnostics: [] };
}
