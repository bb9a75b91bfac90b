import { describe, expect, it } from 'vitest';
import { isBroken, type BrokenMessage, type Message } from '../../src/workspace/index.js';
import { positionOf } from '../helpers/text-position.js';
import { useTempWorkspaces } from '../helpers/temp-workspace.js';

const workspaces = useTempWorkspaces();

function expectBroken(result: Message | BrokenMessage): BrokenMessage {
  if (!isBroken(result)) throw new Error(`expected a broken message, got one with ${result.diagnostics.length} diagnostics`);
  return result;
}

async function loadYaml(yaml: string) {
  const loaded = await workspaces.loadMessage({ 'message.yaml': yaml, 'sms.txt': 'Hi', 'email.html': '<p>Hi</p>' });
  return { ...loaded, yaml };
}

describe('message.yaml: YAML syntax', () => {
  it('reports an unclosed quote at the opening quote, not at the end of the file', async () => {
    const { result } = await loadYaml('name: "Order confirmation\nsms:\n  to: "+14155552671"\n');
    const [diagnostic, ...rest] = expectBroken(result).diagnostics;
    expect(rest).toEqual([]);
    // `name: ` is 6 characters, so the quote is line 1, column 7.
    expect(diagnostic).toMatchObject({ ruleId: 'syntax/yaml', severity: 'error', line: 1, column: 7, message: 'unclosed quoted string' });
    expect(diagnostic?.file).toBe(result.file);
  });

  it('reports a duplicate key at its second occurrence, naming it', async () => {
    const { result } = await loadYaml('name: First\nsms:\n  to: "+14155552671"\nname: Second\n');
    const diagnostics = expectBroken(result).diagnostics;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'syntax/yaml', line: 4, column: 1 });
    expect(diagnostics[0]?.message).toContain('duplicate key `name`');
  });

  it('reports tab indentation at the tab', async () => {
    const { result } = await loadYaml('name: Tabs\nsms:\n\tto: "+14155552671"\n');
    const diagnostics = expectBroken(result).diagnostics;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'syntax/yaml', line: 3, column: 1 });
    expect(diagnostics[0]?.message).toMatch(/tab/i);
  });

  it('refuses a "billion laughs" alias bomb instead of expanding it', async () => {
    const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (const [previous, name] of [...'abcdefgh'].map((letter, index) => [letter, 'bcdefghi'[index]!])) {
      levels.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(', ')}]`);
    }
    // 9^9 ≈ 387 million strings if expanded.
    const { result, yaml } = await loadYaml(`name: Bomb\nsms:\n  to: "+14155552671"\n${levels.join('\n')}\n`);
    const diagnostics = expectBroken(result).diagnostics;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'syntax/yaml', ...positionOf(yaml, '*a') });
    expect(diagnostics[0]?.message).toMatch(/alias/i);
  });

  it('treats a __proto__ key as an unknown key and leaves Object.prototype alone', async () => {
    const { result, yaml } = await loadYaml('name: Proto\n__proto__:\n  polluted: yes\nsms:\n  to: "+14155552671"\n');
    const diagnostics = expectBroken(result).diagnostics;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'schema/message', message: 'unknown key `__proto__`', ...positionOf(yaml, '__proto__') });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('message.yaml: schema', () => {
  it('reports an unknown key at the key, with the keys that are allowed there', async () => {
    const { result } = await loadYaml('name: Typo\nsms:\n  to: "+14155552671"\n  bdy: sms.txt\n');
    const diagnostics = expectBroken(result).diagnostics;
    expect(diagnostics).toHaveLength(1);
    // Line 4 is `  bdy: sms.txt`: the key starts in column 3.
    expect(diagnostics[0]).toMatchObject({ ruleId: 'schema/message', severity: 'error', message: 'unknown key `sms.bdy`', line: 4, column: 3 });
    expect(diagnostics[0]?.hint).toMatch(/^expected one of: /);
    expect(diagnostics[0]?.hint?.split(/: |, /)).toEqual(expect.arrayContaining(['body', 'to', 'maxSegments']));
  });

  it('lists the allowed keys for unknown keys at the top level and inside attribute specs', async () => {
    const { result, yaml } = await loadYaml(
      'name: Typos\nsubjct: Hi\nsms:\n  to: "+14155552671"\nattributes:\n  customer:\n    phone: { type: string, requird: true }\n',
    );
    const diagnostics = expectBroken(result).diagnostics;
    expect(diagnostics).toHaveLength(2);
    const top = diagnostics.find((diagnostic) => diagnostic.message === 'unknown key `subjct`');
    expect(top).toMatchObject(positionOf(yaml, 'subjct'));
    expect(top?.hint).toContain('email');
    const nested = diagnostics.find((diagnostic) => diagnostic.message === 'unknown key `attributes.customer.phone.requird`');
    expect(nested).toMatchObject(positionOf(yaml, 'requird'));
    expect(nested?.hint?.split(/: |, /)).toEqual(expect.arrayContaining(['type', 'required', 'format']));
  });

  it('reports a missing required `name` at the top of the file', async () => {
    const { result } = await loadYaml('sms:\n  to: "+14155552671"\n');
    const diagnostics = expectBroken(result).diagnostics;
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'schema/message', message: '`name` is required', line: 1, column: 1 })]);
  });

  it('reports a missing required key of a section at the section key', async () => {
    const { result } = await loadYaml('name: No recipient\nsms:\n  body: sms.txt\n');
    const diagnostics = expectBroken(result).diagnostics;
    // `sms:` is line 2, column 1.
    expect(diagnostics).toEqual([expect.objectContaining({ message: '`sms.to` is required', line: 2, column: 1 })]);
  });

  it('reports a value of the wrong type at the value, saying what was expected and found', async () => {
    const { result, yaml } = await loadYaml('name: Wrong type\nsms:\n  to: "+14155552671"\n  maxSegments: "two"\n');
    const diagnostics = expectBroken(result).diagnostics;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'schema/message', ...positionOf(yaml, '"two"') });
    expect(diagnostics[0]?.message).toBe('`sms.maxSegments`: expected number, got string "two"');
  });

  it('reports a bad enum value with the allowed values', async () => {
    const { result } = await loadYaml('name: Jinja\nengine: jinja\nsms:\n  to: "+14155552671"\n');
    const diagnostics = expectBroken(result).diagnostics;
    expect(diagnostics).toHaveLength(1);
    // Line 2 is `engine: jinja`: the value starts in column 9.
    expect(diagnostics[0]).toMatchObject({ ruleId: 'schema/message', line: 2, column: 9 });
    expect(diagnostics[0]?.message).toContain('"liquid", "handlebars"');
    expect(diagnostics[0]?.message).toContain('jinja');
  });

  it('requires an email, sms or whatsapp section', async () => {
    const { result } = await loadYaml('name: Nothing to send\ndescription: no channels\n');
    const diagnostics = expectBroken(result).diagnostics;
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'schema/message', line: 1, column: 1 })]);
    expect(diagnostics[0]?.message).toMatch(/`email`, `sms` or `whatsapp` section/);
  });
});
