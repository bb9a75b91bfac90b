import { describe, expect, it } from 'vitest';
import { isBroken, parseSample } from '../../src/workspace/index.js';
import { positionOf } from '../helpers/text-position.js';
import { useTempWorkspaces } from '../helpers/temp-workspace.js';

const workspaces = useTempWorkspaces();

const file = '/workspace/msg/samples/standard.json';
const parse = (text: string) => parseSample(file, Buffer.from(text, 'utf8'));

describe('sample JSON: syntax errors', () => {
  it('reports a missing comma at the property that should follow it', () => {
    const text = '{\n  "customer": { "first_name": "Ada" }\n  "trigger": { "order_id": "NW-1" }\n}\n';
    const { sample, diagnostics } = parse(text);
    expect(sample).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    // Line 3 is `  "trigger": ...`: JSON.parse stops at its opening quote, column 3.
    expect(diagnostics[0]).toMatchObject({ ruleId: 'syntax/json', severity: 'error', file, line: 3, column: 3 });
    expect(diagnostics[0]?.hint).toMatch(/comma/);
  });

  it('reports a trailing comma at the comma', () => {
    const text = '{\n  "customer": { "first_name": "Ada" },\n}\n';
    const { diagnostics } = parse(text);
    expect(diagnostics).toHaveLength(1);
    // Line 2 is `  "customer": { "first_name": "Ada" },`: 38 characters, the comma is the last.
    expect(diagnostics[0]).toMatchObject({ ruleId: 'syntax/json', line: 2, column: 38, message: 'invalid JSON: trailing comma' });
  });

  it('reports a truncated file at its end', () => {
    const text = '{\n  "customer": { "first_name": "Ad';
    const { diagnostics } = parse(text);
    expect(diagnostics).toHaveLength(1);
    // Line 2 has 33 characters; the file ends right after them.
    expect(diagnostics[0]).toMatchObject({ ruleId: 'syntax/json', line: 2, column: 34 });
    expect(diagnostics[0]?.message).toMatch(/ends/);
  });

  it('reports an empty file', () => {
    expect(parse('').diagnostics).toEqual([expect.objectContaining({ ruleId: 'syntax/json', line: 1, column: 1, message: 'invalid JSON: the file is empty' })]);
  });

  it('loads a valid file that starts with a byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"customer": {"first_name": "Zoë"}}')]);
    const { sample, diagnostics } = parseSample(file, bytes);
    expect(diagnostics).toEqual([]);
    expect(sample?.name).toBe('standard');
    expect(sample?.data).toEqual({ customer: { first_name: 'Zoë' }, trigger: {} });
  });

  it('reports bytes that are not UTF-8 at the first bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('{"customer": {"name": "Jos'), Buffer.from([0xe9]), Buffer.from('"}}')]); // Latin-1 "José"
    const { sample, diagnostics } = parseSample(file, bytes);
    expect(sample).toBeUndefined();
    // `{"customer": {"name": "Jos` is 26 characters: the é byte is column 27.
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'syntax/json', line: 1, column: 27, message: 'file is not valid UTF-8' })]);
  });
});

describe('sample JSON: shape', () => {
  it('rejects a top-level array', () => {
    const { sample, diagnostics } = parse('[{"customer": {}}]');
    expect(sample).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'samples/shape', line: 1, column: 1, message: 'a sample is a JSON object' })]);
  });

  it('reports an unknown top-level key at the key', () => {
    const text = '{\n  "customer": {},\n  "triger": { "order_id": "NW-1" }\n}';
    const { sample, diagnostics } = parse(text);
    expect(sample).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'samples/shape', message: 'unknown top-level key "triger"', ...positionOf(text, '"triger"') }),
    ]);
  });

  it('reports a namespace that is not an object', () => {
    const text = '{ "customer": "Ada" }';
    expect(parse(text).diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'samples/shape', message: '"customer" must be an object', ...positionOf(text, '"customer"') }),
    ]);
  });

  it('treats either namespace as optional', () => {
    expect(parse('{"trigger": {"order_id": "NW-1"}}').sample?.data).toEqual({ customer: {}, trigger: { order_id: 'NW-1' } });
  });

  it('does not let "__proto__" keys pollute Object.prototype', () => {
    const topLevel = parse('{"__proto__": {"polluted": "yes"}, "customer": {}}');
    expect(topLevel.diagnostics).toEqual([expect.objectContaining({ ruleId: 'samples/shape', message: 'unknown top-level key "__proto__"' })]);

    const nested = parse('{"customer": {"__proto__": {"polluted": "yes"}, "first_name": "Ada"}}');
    expect(nested.diagnostics).toEqual([]);
    const customer = nested.sample!.data.customer;
    expect(Object.getPrototypeOf(customer)).toBe(Object.prototype);
    expect(customer.polluted).toBeUndefined();
    expect(customer.first_name).toBe('Ada');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('samples inside a message folder', () => {
  it('keeps the message usable when one sample is broken, and reports the broken one', async () => {
    const broken = '{\n  "customer": { "first_name": "Ada" }\n  "trigger": {}\n}\n';
    const { result } = await workspaces.loadMessage({
      'message.yaml': 'name: Samples\nsms:\n  to: "+14155552671"\n',
      'sms.txt': 'Hi',
      'samples/broken.json': broken,
      'samples/standard.json': '{"customer": {"first_name": "Grace"}}',
      'samples/notes.txt': 'not a sample',
    });
    if (isBroken(result)) throw new Error('message.yaml should load');
    expect(result.samples.map((sample) => sample.name)).toEqual(['standard']);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'syntax/json', file: expect.stringMatching(/samples[/\\]broken\.json$/), line: 3, column: 3 }),
    ]);
  });
});
