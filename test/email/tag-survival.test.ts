import { cp, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkEmailMessage, MjmlCache } from '../../src/email/index.js';
import { createEngines } from '../../src/render/index.js';
import { isBroken, loadConfig, loadMessage } from '../../src/workspace/index.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { positionOf } from '../helpers/text-position.js';
import { emailYaml, mjmlDocument, section, useEmailWorkspaces } from './email-workspace.js';

const makeTempDir = useTempDirs();
const loadEmail = useEmailWorkspaces();
const engines = createEngines();
const fixture = fileURLToPath(new URL('../fixtures/email/dropped-tags', import.meta.url));

describe('email/tag-survival: personalization tags mjml drops are errors at their source position', () => {
  it('catches the Liquid block around a section and a tag in an attribute mjml does not know (fixture gift-receipt)', async () => {
    const project = await makeTempDir();
    await cp(fixture, project.root, { recursive: true });
    const { config } = await loadConfig(project.root);
    const message = await loadMessage(project.path('templates/gift-receipt'), config);
    if (isBroken(message)) throw new Error('fixture did not load');
    const file = project.path('templates/gift-receipt/email.mjml');
    const mjml = await readFile(file, 'utf8');

    const survival = (await checkEmailMessage(message, { engines, cache: new MjmlCache() })).filter((diagnostic) => diagnostic.ruleId === 'email/tag-survival');
    // Each tag is on one line: the range ends on the same line, past its last character.
    const at = (text: string, occurrence = 1) => {
      const start = positionOf(mjml, text, occurrence);
      return { file, line: start.line, column: start.column, endLine: start.line, endColumn: start.column + text.length };
    };
    expect(survival).toEqual([
      expect.objectContaining({ severity: 'error', ...at('{% if trigger.gift_note %}') }),
      expect.objectContaining({ severity: 'error', ...at('{% endif %}') }),
      // data-order="{{ trigger.order_id }}" is the second of the tag's three occurrences.
      expect.objectContaining({ severity: 'error', ...at('{{ trigger.order_id }}', 2) }),
    ]);
    expect(survival[0]?.message).toContain('{% if trigger.gift_note %}');
  });

  it('reports nothing when every tag survives: text, attributes mjml knows, mj-raw around sections', async () => {
    const mjml = mjmlDocument(
      [
        '    <mj-raw>{% if customer.vip %}</mj-raw>',
        section('<mj-text>VIP {{ customer.first_name }}</mj-text>'),
        '    <mj-raw>{% endif %}</mj-raw>',
        section(
          '<mj-button href="{{ trigger.url }}">Go</mj-button>\n        <mj-image src="https://cdn.example.com/{{ trigger.image }}.png" alt="{{ trigger.alt }}" />',
        ),
        section('<mj-table>{% for item in trigger.items %}<tr><td>{{ item.name }}</td></tr>{% endfor %}</mj-table>'),
      ].join('\n'),
      '<mj-title>{{ trigger.subject }}</mj-title>\n    <mj-preview>{{ trigger.preview }}</mj-preview>',
    );
    const { message } = await loadEmail({ 'message.yaml': emailYaml(), 'email.mjml': mjml });
    const diagnostics = await checkEmailMessage(message, { engines, cache: new MjmlCache() });
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === 'email/tag-survival')).toEqual([]);
  });

  it('checks Handlebars blocks and triple-stash tags too, and tags in partials at the partial', async () => {
    const partial = '{{#if customer.vip}}\n' + section('<mj-text>{{{trigger.html_note}}}</mj-text>') + '\n{{/if}}\n';
    const mjml = mjmlDocument('    <mj-include path="../_partials/vip.mjml" />');
    const { message, path } = await loadEmail({ 'message.yaml': emailYaml({ engine: 'handlebars' }), 'email.mjml': mjml, '../_partials/vip.mjml': partial });
    const diagnostics = await checkEmailMessage(message, { engines, cache: new MjmlCache() });
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === 'email/tag-survival')).toEqual([
      expect.objectContaining({ file: path('../_partials/vip.mjml'), ...positionOf(partial, '{{#if customer.vip}}') }),
      expect.objectContaining({ file: path('../_partials/vip.mjml'), ...positionOf(partial, '{{/if}}') }),
    ]);
  });
});
