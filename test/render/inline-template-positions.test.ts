import { describe, expect, it } from 'vitest';
import { createEngines } from '../../src/render/index.js';
import { isBroken } from '../../src/workspace/index.js';
import { positionOf } from '../helpers/text-position.js';
import { useTempWorkspaces } from '../helpers/temp-workspace.js';

const workspaces = useTempWorkspaces();

// A template stored inside message.yaml (the subject) is compiled from the YAML *value*; its
// diagnostics must still point into message.yaml, whatever the scalar style.
const engines = createEngines();

async function subjectDiagnostics(subjectLines: string, engine: 'liquid' | 'handlebars' = 'liquid') {
  const yaml = `name: Positions\nengine: ${engine}\nemail:\n  from: shop@example.com\n${subjectLines}\n  body: email.html\n`;
  const { result } = await workspaces.loadMessage({ 'message.yaml': yaml, 'email.html': '<p>Hi</p>' });
  if (isBroken(result)) throw new Error(`message.yaml did not load: ${JSON.stringify(result.diagnostics)}`);
  const { template, diagnostics } = engines[engine].compile(result.email!.subject);
  expect(template).toBeUndefined();
  return { yaml, file: result.file, diagnostics };
}

describe('inline templates in message.yaml: error positions', () => {
  it.each([
    ['plain', '  subject: Order {{ trigger.order_id | shout }} confirmed'],
    ['single-quoted', "  subject: 'Order {{ trigger.order_id | shout }} confirmed'"],
    ['double-quoted', '  subject: "Order {{ trigger.order_id | shout }} confirmed"'],
    ['single-quoted with an escaped quote before the error', "  subject: 'It''s here: {{ trigger.order_id | shout }}'"],
    ['double-quoted with escapes before the error', '  subject: "\\"Caf\\u00e9\\" \\t {{ trigger.order_id | shout }}"'],
    ['block literal', '  subject: |\n    Order {{ trigger.order_id }}\n    is {{ trigger.status | shout }}'],
    [
      'block literal with a strip indicator and a comment',
      '  subject: |- # the subject\n\n    Order {{ trigger.order_id }}\n    is {{ trigger.status | shout }}',
    ],
  ])('%s scalar: the unknown filter is located in message.yaml', async (_style, subjectLines) => {
    const { yaml, file, diagnostics } = await subjectDiagnostics(subjectLines);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'syntax/liquid', file, ...positionOf(yaml, 'shout') });
  });

  it('points an unclosed {% if %} in a block literal at its line in message.yaml', async () => {
    const { yaml, diagnostics } = await subjectDiagnostics('  subject: |\n    Order {{ trigger.order_id }}\n    {% if trigger.vip %}VIP');
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'syntax/liquid', ...positionOf(yaml, '{% if') })]);
  });

  it('points a Handlebars error in a quoted subject at the right column', async () => {
    const { yaml, diagnostics } = await subjectDiagnostics('  subject: "Hi {{shout customer.first_name}}"', 'handlebars');
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'syntax/handlebars', ...positionOf(yaml, 'shout') })]);
  });
});
