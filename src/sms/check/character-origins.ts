import type { RenderContext, TemplateSource } from '../../render/index.js';
import { isGsm7Char } from '../gsm7.js';

/** Where a character of a rendered text was written. */
export type CharacterOrigin =
  /** In the template's literal text (or a string literal in a tag), at this UTF-16 offset of `source.text`. */
  | { kind: 'template'; offset: number }
  /** In the string `value` at this path of the render context. */
  | { kind: 'attribute'; path: (string | number)[]; value: string };

export interface TraceOptions {
  source: TemplateSource;
  context: RenderContext;
  /** What rendering `source` with `context` produced. */
  output: string;
  /** Renders a template with a context, leniently (a missing attribute prints nothing). */
  render: (source: TemplateSource, context: RenderContext) => string;
}

/** Markers come from the Private Use Area: no template or data has a reason to contain them. */
const PRIVATE_USE_FIRST = 0xe000;
const PRIVATE_USE_LAST = 0xf8ff;

/** Hands out private-use characters that appear nowhere in the texts given. */
class MarkerPool {
  readonly #taken: Set<number>;
  #next = PRIVATE_USE_FIRST;

  constructor(texts: string[]) {
    this.#taken = new Set(texts.flatMap((text) => [...text].map((char) => char.codePointAt(0) ?? 0)));
  }

  take(): string | undefined {
    while (this.#next <= PRIVATE_USE_LAST && this.#taken.has(this.#next)) this.#next++;
    if (this.#next > PRIVATE_USE_LAST) return undefined;
    return String.fromCodePoint(this.#next++);
  }
}

interface Marked {
  original: string;
  origin: CharacterOrigin;
}

/** Replaces each code point outside GSM-7 with a fresh marker; undefined when the markers run out. */
function markText(text: string, pool: MarkerPool, markers: Map<string, Marked>, originAt: (offset: number) => CharacterOrigin): string | undefined {
  let marked = '';
  let offset = 0;
  for (const char of text) {
    if (isGsm7Char(char)) {
      marked += char;
    } else {
      const marker = pool.take();
      if (marker === undefined) return undefined;
      markers.set(marker, { original: char, origin: originAt(offset) });
      marked += marker;
    }
    offset += char.length;
  }
  return marked;
}

/** The context with every string marked, recording the path each marker came from. */
function markContext(value: unknown, path: (string | number)[], pool: MarkerPool, markers: Map<string, Marked>): unknown {
  if (typeof value === 'string') return markText(value, pool, markers, () => ({ kind: 'attribute', path, value })) ?? value;
  if (Array.isArray(value)) return value.map((item, index) => markContext(item, [...path, index], pool, markers));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, markContext(item, [...path, key], pool, markers)]));
  }
  return value;
}

/**
 * Reads the origins off a marked render. Only trusted when putting the original characters
 * back gives exactly the real output: a filter that transformed a marked value (upcase,
 * truncate, a comparison in a condition) would otherwise misattribute characters.
 */
function originsInOutput(markedOutput: string, markers: Map<string, Marked>, output: string): Map<number, CharacterOrigin> | undefined {
  const origins = new Map<number, CharacterOrigin>();
  const restored: string[] = [];
  let offset = 0;
  for (const char of markedOutput) {
    const marked = markers.get(char);
    if (marked !== undefined) origins.set(offset, marked.origin);
    const original = marked?.original ?? char;
    restored.push(original);
    offset += original.length;
  }
  return restored.join('') === output ? origins : undefined;
}

/**
 * Where each code point outside GSM-7 in `output` was written, keyed by its UTF-16 offset in
 * `output`: the render is repeated with those characters replaced by unique markers, once in
 * the template and once in the data, and the markers are found in the result. The two passes
 * are separate so that a filter changing attribute values does not stop the template's own
 * characters from being traced. Offsets missing from the result could not be traced.
 */
export function traceCharacterOrigins({ source, context, output, render }: TraceOptions): Map<number, CharacterOrigin> {
  const pool = new MarkerPool([source.text, JSON.stringify(context), output]);
  const origins = new Map<number, CharacterOrigin>();

  const templateMarkers = new Map<string, Marked>();
  const markedTemplate = markText(source.text, pool, templateMarkers, (offset) => ({ kind: 'template', offset }));
  if (markedTemplate !== undefined && templateMarkers.size > 0) {
    const traced = originsInOutput(render({ ...source, text: markedTemplate }, context), templateMarkers, output);
    for (const [offset, origin] of traced ?? []) origins.set(offset, origin);
  }

  const dataMarkers = new Map<string, Marked>();
  const markedContext = markContext(context, [], pool, dataMarkers) as RenderContext;
  if (dataMarkers.size > 0) {
    const traced = originsInOutput(render(source, markedContext), dataMarkers, output);
    for (const [offset, origin] of traced ?? []) origins.set(offset, origin);
  }
  return origins;
}
