/**
 * Generated mutations of workspace files: each is a pure function of the original bytes and a
 * seeded random source, so a failing input is replayed from its seed alone.
 */

export type Random = () => number;

/** mulberry32: a tiny seeded PRNG (uniform in [0, 1)); enough for reproducible fuzzing. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function integer(random: Random, max: number): number {
  return Math.floor(random() * max);
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[integer(random, items.length)]!;
}

export interface Mutation {
  /** What was done, precise enough to redo by hand (offsets, inserted bytes). */
  description: string;
  bytes: Uint8Array;
}

type Mutator = (original: Uint8Array, random: Random) => Mutation;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

function splice(original: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  return Buffer.concat([original.subarray(0, at), insert, original.subarray(at + remove)]);
}

function insertText(original: Uint8Array, at: number, text: string): Uint8Array {
  return splice(original, at, 0, encoder.encode(text));
}

/** Byte sequences that are not UTF-8: lone continuation, truncated lead, overlong, surrogate, 0xFF. */
const invalidUtf8 = [[0x80], [0xc3], [0xe2, 0x82], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xfe, 0xff]];

/** Fragments that open or close constructs of every syntax a workspace file can hold. */
const structuralFragments = [
  '{% if customer.first_name %}',
  '{% endif %}',
  '{% for x in trigger.items %}',
  '{% endfor %}',
  '{%',
  '%}',
  '{{',
  '}}',
  '{{{',
  '{{#if customer.first_name}}',
  '{{/if}}',
  '{{#each trigger.items}}',
  '{{/each}}',
  '{{else}}',
  '{{> partial}}',
  '{% raw %}',
  '=',
  'export ',
  '\\',
  '#',
  '${SFMC_CLIENT_SECRET}',
  '{% comment %}',
  '<mj-section>',
  '</mj-column>',
  '<mj-include path="../_partials/header.mjml" />',
  '<mj-raw>',
  '<!--',
  '-->',
  '<![CDATA[',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ':',
  '- ',
  '&anchor ',
  '*anchor',
  '!!binary ',
  '\t',
  '\n  ',
  '---\n',
  '...\n',
  '%YAML 1.1\n',
];

const mutators: Record<string, Mutator> = {
  truncate(original, random) {
    const at = integer(random, original.length + 1);
    return { description: `truncate to ${at} bytes`, bytes: original.subarray(0, at) };
  },
  insertRandomBytes(original, random) {
    const at = integer(random, original.length + 1);
    const inserted = Uint8Array.from({ length: 1 + integer(random, 16) }, () => integer(random, 256));
    return { description: `insert bytes ${hex(inserted)} at ${at}`, bytes: splice(original, at, 0, inserted) };
  },
  insertInvalidUtf8(original, random) {
    const at = integer(random, original.length + 1);
    const inserted = Uint8Array.from(pick(random, invalidUtf8));
    return { description: `insert invalid UTF-8 ${hex(inserted)} at ${at}`, bytes: splice(original, at, 0, inserted) };
  },
  deleteSpan(original, random) {
    const at = integer(random, original.length + 1);
    const length = 1 + integer(random, 64);
    return { description: `delete ${length} bytes at ${at}`, bytes: splice(original, at, length, new Uint8Array()) };
  },
  duplicateSpan(original, random) {
    const at = integer(random, original.length + 1);
    const span = original.slice(at, at + 1 + integer(random, 200));
    const times = 1 + integer(random, 20);
    return { description: `repeat ${span.length} bytes at ${at} ${times} more times`, bytes: splice(original, at, 0, Buffer.concat(Array(times).fill(span))) };
  },
  insertStructure(original, random) {
    const at = integer(random, original.length + 1);
    const fragment = pick(random, structuralFragments);
    return { description: `insert ${JSON.stringify(fragment)} at ${at}`, bytes: insertText(original, at, fragment) };
  },
  deleteLine(original, random) {
    const lines = decoder.decode(original).split('\n');
    const index = integer(random, lines.length);
    lines.splice(index, 1);
    return { description: `delete line ${index + 1}`, bytes: encoder.encode(lines.join('\n')) };
  },
  byteOrderMark(original) {
    return { description: 'prepend a UTF-8 BOM', bytes: Buffer.concat([Uint8Array.from([0xef, 0xbb, 0xbf]), original]) };
  },
  crlf(original) {
    return { description: 'convert line endings to CRLF', bytes: encoder.encode(decoder.decode(original).replace(/\r?\n/g, '\r\n')) };
  },
  bareCr(original) {
    return { description: 'convert line endings to bare CR', bytes: encoder.encode(decoder.decode(original).replace(/\r?\n/g, '\r')) };
  },
  nulBytes(original, random) {
    const at = integer(random, original.length + 1);
    return { description: `insert NUL bytes at ${at}`, bytes: splice(original, at, 0, new Uint8Array(1 + integer(random, 4))) };
  },
  swapHalves(original, random) {
    const at = integer(random, original.length + 1);
    return { description: `swap the bytes before and after ${at}`, bytes: Buffer.concat([original.subarray(at), original.subarray(0, at)]) };
  },
};

export const mutatorNames = Object.keys(mutators);

/** One random mutation of `original`; the same seed always gives the same mutation. */
export function randomMutation(original: Uint8Array, seed: number): Mutation {
  const random = mulberry32(seed);
  const name = pick(random, mutatorNames);
  const mutation = mutators[name]!(original, random);
  return { description: `${name}: ${mutation.description}`, bytes: mutation.bytes };
}

/** The file of `files` the input of `seed` mutates (a stream of its own, so it does not shift the mutation's). */
export function seededFile(files: readonly string[], seed: number): string {
  return files[Math.floor(mulberry32(seed ^ 0x5bd1e995)() * files.length)]!;
}

/** The input of `seed`: one file of the workspace, mutated. */
export async function seededInput(
  workspace: { files: readonly string[]; original(file: string): Promise<Uint8Array> },
  seed: number,
): Promise<{ description: string; edits: { file: string; bytes: Uint8Array }[] }> {
  const file = seededFile(workspace.files, seed);
  const mutation = randomMutation(await workspace.original(file), seed);
  return { description: mutation.description, edits: [{ file, bytes: mutation.bytes }] };
}

/** The seed `npm run fuzz` and the hostile slice of `npm test` share: the test runs the fuzz's first inputs. */
export const defaultFuzzSeed = 20261124;
