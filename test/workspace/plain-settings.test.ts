import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { z } from 'zod';
import { configSchema } from '../../src/workspace/config-schema.js';
import { customerioSmsSchema } from '../../src/workspace/customerio-sms-schema.js';
import { messageSchema } from '../../src/workspace/message-schema.js';
import { defaultCustomerioSms, plainConfig, plainMessageDefinition } from '../../src/workspace/plain-settings.js';

// The zod schemas are the reference: the plain check may leave any value to them, but a value it
// accepts must be one they accept, parsed to the same result, key order included.

const templates = fileURLToPath(new URL('../../templates/', import.meta.url));
const exampleMessages = readdirSync(templates, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
  .map((entry) => parse(readFileSync(path.join(templates, entry.name, 'message.yaml'), 'utf8')) as unknown);

/** A config using every key the plain check knows (the webhook is left to zod). */
const fullConfig = {
  $schema: './schema/config.schema.json',
  workspace: 'messages',
  defaultRegion: 'GB',
  rules: { 'sms/max-segments': 'warning', 'email/alt-text': 'off' },
  out: 'dist/mail',
  defaultTimezone: 'Europe/Paris',
  locales: { default: 'en', languages: ['en', 'fr', 'fr-CA'] },
  email: { clients: ['gmail', 'outlook.windows >= 2016'], acceptPartial: false },
  targets: { sfmc: { list: 'All Subscribers - 1' }, customerio: { sms: { linkTracking: false, shortLinkLength: 30 } } },
  sandbox: { profileSample: 'standard' },
};

function expectSameAsZod(schema: z.ZodType, plain: unknown, input: unknown): void {
  const reference = schema.safeParse(input);
  expect(reference.success, JSON.stringify(input)).toBe(true);
  expect(JSON.stringify(plain)).toBe(JSON.stringify(reference.data));
  expect(plain).toStrictEqual(reference.data);
}

/** Values that sit on the edges of the schemas' rules (lengths, integers, enums, file names, shapes). */
const edgeValues: unknown[] = [
  '',
  'x',
  'a'.repeat(36),
  'a'.repeat(37),
  'US',
  'us',
  'email.mjml',
  'email.txt',
  'Active',
  'Paused',
  'liquid',
  'string',
  'handlebars',
  'e164',
  'warning',
  'Mars/Olympus',
  'fr',
  'fr-CA',
  'frr',
  'backup',
  'not a name',
  0,
  1,
  -1,
  1.5,
  10,
  11,
  2 ** 60,
  Number.NaN,
  true,
  false,
  null,
  [],
  ['x'],
  [''],
  {},
  { type: 'string' },
  { type: 'string', required: true, fields: { 'bad key': { type: 'number' } } },
  { __proto__: null, x: 1 },
];

type Tree = Record<string, unknown>;

/** Every path to an object or a value in `tree`. */
function pathsOf(tree: unknown, prefix: string[] = []): string[][] {
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) return [prefix];
  return [prefix, ...Object.keys(tree).flatMap((key) => pathsOf((tree as Tree)[key], [...prefix, key]))];
}

/** Every copy of `tree` with one change: each key removed, an unknown key added to each object, each value replaced by each edge value. */
function* singleChanges(tree: unknown): Generator {
  for (const at of pathsOf(tree).filter((candidate) => candidate.length > 0)) {
    const key = at.at(-1)!;
    const changed = (change: (parent: Tree) => void) => {
      const copy = structuredClone(tree) as Tree;
      change(at.slice(0, -1).reduce<Tree>((node, segment) => node[segment] as Tree, copy));
      return copy;
    };
    yield changed((parent) => delete parent[key]);
    yield changed((parent) => {
      const value = parent[key];
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) (value as Tree)['unknownKey'] = 'x';
    });
    for (const value of edgeValues) yield changed((parent) => (parent[key] = structuredClone(value)));
  }
}

describe('the plain check of message.yaml and txkit.config.yaml', () => {
  it('accepts every example message, as the zod schema parses it', () => {
    expect(exampleMessages.length).toBeGreaterThan(3);
    for (const message of exampleMessages) {
      const plain = plainMessageDefinition(message);
      expect(plain).toBeDefined();
      expectSameAsZod(messageSchema, plain, message);
    }
  });

  it('fills the config defaults as the zod schema does, for no file and for a file using every key', () => {
    expectSameAsZod(configSchema, plainConfig({}), {});
    expectSameAsZod(configSchema, plainConfig(fullConfig), fullConfig);
    expectSameAsZod(customerioSmsSchema, defaultCustomerioSms(), {});
  });

  it('never accepts a value the zod schema rejects, nor parses one differently (every single change of the examples)', () => {
    let accepted = 0;
    let left = 0;
    const compare = (schema: z.ZodType, check: (value: unknown) => unknown, input: unknown) => {
      const plain = check(input);
      if (plain === undefined) left++;
      else {
        accepted++;
        expectSameAsZod(schema, plain, input);
      }
    };
    for (const message of exampleMessages) for (const changed of singleChanges(message)) compare(messageSchema, plainMessageDefinition, changed);
    for (const changed of singleChanges(fullConfig)) compare(configSchema, plainConfig, changed);
    // Both outcomes occur often enough for the comparison to mean something.
    expect(accepted).toBeGreaterThan(1000);
    expect(left).toBeGreaterThan(1000);
  });

  it('checks targets.sfmc.languageKeys as the zod schema does: {key} and {language}, no other placeholder', () => {
    const withSfmc = exampleMessages.find((message) => (message as { targets?: { sfmc?: unknown } }).targets?.sfmc !== undefined) as Tree;
    const withKeys = (languageKeys: unknown) => {
      const copy = structuredClone(withSfmc) as { targets: { sfmc: Tree } };
      copy.targets.sfmc['languageKeys'] = languageKeys;
      return copy;
    };
    for (const valid of ['{key}-{language}', '{language}_{key}', 'tx-{key}.{language}']) {
      const plain = plainMessageDefinition(withKeys(valid));
      expect(plain?.targets.sfmc?.languageKeys).toBe(valid);
      expectSameAsZod(messageSchema, plain, withKeys(valid));
    }
    for (const invalid of ['{key}', '{language}', '{key}-{lang}', '{key}-{language}-{x}', '', 42]) {
      expect(plainMessageDefinition(withKeys(invalid)), String(invalid)).toBeUndefined();
      expect(messageSchema.safeParse(withKeys(invalid)).success, String(invalid)).toBe(false);
    }
  });

  it('leaves to the zod schema what it does not check itself: callback URLs', () => {
    const withEvents = structuredClone(exampleMessages[0]) as Tree;
    withEvents['targets'] = { sfmc: { events: { url: 'https://hooks.example.com/ens', events: ['EmailSent'] } } };
    expect(plainMessageDefinition(withEvents)).toBeUndefined();
    expect(messageSchema.safeParse(withEvents).success).toBe(true);
  });
});
