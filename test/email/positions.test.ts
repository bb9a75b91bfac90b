import { describe, expect, it } from 'vitest';
import { MjmlCache } from '../../src/email/index.js';
import { compileMessageEmail, renderEmail, type EmailMessage } from '../../src/email/render-email.js';
import { createEngines } from '../../src/render/index.js';
import { positionOf } from '../helpers/text-position.js';
import { emailYaml, mjmlDocument, section, useEmailWorkspaces } from './email-workspace.js';

const loadEmail = useEmailWorkspaces();
const engines = createEngines();
const sample = (data: object) => ({ 'samples/standard.json': JSON.stringify(data) });

describe('template diagnostics of a compiled MJML email point at the .mjml source', () => {
  it('Liquid: a missing attribute is reported at its tag in email.mjml, not in the compiled HTML', async () => {
    const mjml = mjmlDocument(section('<mj-text font-size="20px">Hello {{ customer.first_name }}, your code is {{ trigger.code }}.</mj-text>'));
    const { message, path } = await loadEmail({ 'message.yaml': emailYaml(), 'email.mjml': mjml, ...sample({ customer: { first_name: 'Ada' } }) });
    const rendered = await renderEmail(message, message.samples[0], { engines, cache: new MjmlCache() });
    expect(rendered?.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'render/undefined-attribute', file: path('email.mjml'), ...positionOf(mjml, 'trigger.code') }),
    ]);
  });

  it('Handlebars: the same, with the compiled HTML mjml wrote in between', async () => {
    const mjml = mjmlDocument(section('<mj-text>Hi {{customer.first_name}}</mj-text>') + '\n' + section('<mj-button href="{{trigger.url}}">Go</mj-button>'));
    const { message, path } = await loadEmail({
      'message.yaml': emailYaml({ engine: 'handlebars' }),
      'email.mjml': mjml,
      ...sample({ customer: { first_name: 'Ada' } }),
    });
    const rendered = await renderEmail(message, message.samples[0], { engines, cache: new MjmlCache() });
    expect(rendered?.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'render/undefined-attribute', file: path('email.mjml'), ...positionOf(mjml, 'trigger.url') }),
    ]);
  });

  it('a tag that comes from an included partial is reported in the partial', async () => {
    const partial = section('<mj-text>Dear {{ customer.title }} {{ customer.last_name }}</mj-text>');
    const mjml = mjmlDocument('    <mj-include path="../_partials/greeting.mjml" />');
    const { message, path } = await loadEmail({
      'message.yaml': emailYaml(),
      'email.mjml': mjml,
      '../_partials/greeting.mjml': partial,
      ...sample({ customer: { title: 'Dr.' } }),
    });
    const rendered = await renderEmail(message, message.samples[0], { engines, cache: new MjmlCache() });
    expect(rendered?.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'render/undefined-attribute', file: path('../_partials/greeting.mjml'), ...positionOf(partial, 'customer.last_name') }),
    ]);
  });

  it('a Liquid syntax error is reported at its tag in the source', async () => {
    const mjml = mjmlDocument(section('<mj-text>Total: {{ trigger.total | nosuchfilter }}</mj-text>'));
    const { message, path } = await loadEmail({ 'message.yaml': emailYaml(), 'email.mjml': mjml, ...sample({ trigger: { total: 3 } }) });
    const rendered = await renderEmail(message, message.samples[0], { engines, cache: new MjmlCache() });
    expect(rendered?.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'syntax/liquid', file: path('email.mjml'), ...positionOf(mjml, 'nosuchfilter') }),
    ]);
  });

  it('a tag mjml copies twice (mj-title → <title> and aria-label) maps both copies to the one source tag', async () => {
    const mjml = mjmlDocument(section('<mj-text>Body</mj-text>'), '<mj-title>Order {{ trigger.order_id }}</mj-title>');
    const { message, path } = await loadEmail({ 'message.yaml': emailYaml(), 'email.mjml': mjml });
    const compiled = await compileMessageEmail(message as EmailMessage, { cache: new MjmlCache() });
    const first = compiled.html.indexOf('{{ trigger.order_id }}');
    const second = compiled.html.indexOf('{{ trigger.order_id }}', first + 1);
    expect(second).toBeGreaterThan(first);
    const expected = { file: path('email.mjml'), ...positionOf(mjml, '{{ trigger.order_id }}') };
    expect(compiled.source.locate(first)).toEqual(expected);
    expect(compiled.source.locate(second)).toEqual(expected);
  });
});

describe('syntax/mjml: mjml validation errors with file and line', () => {
  it('reports an unknown tag, an illegal attribute and wrong nesting at the first non-blank column of their lines', async () => {
    const mjml = mjmlDocument(
      [section('<mj-txt>typo</mj-txt>'), section('<mj-text colour="red">x</mj-text>'), '    <mj-column><mj-text>not in a section</mj-text></mj-column>'].join(
        '\n',
      ),
    );
    const { message, path } = await loadEmail({ 'message.yaml': emailYaml(), 'email.mjml': mjml });
    const rendered = await renderEmail(message, undefined, { engines, cache: new MjmlCache() });
    const mjmlProblems = rendered!.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'syntax/mjml').sort((a, b) => a.line - b.line);
    expect(mjmlProblems).toEqual([
      expect.objectContaining({ severity: 'error', file: path('email.mjml'), ...positionOf(mjml, '<mj-txt>'), message: expect.stringContaining('mj-txt') }),
      expect.objectContaining({
        severity: 'error',
        file: path('email.mjml'),
        ...positionOf(mjml, '<mj-text colour'),
        message: expect.stringContaining('colour'),
      }),
      expect.objectContaining({
        severity: 'error',
        file: path('email.mjml'),
        ...positionOf(mjml, '<mj-column><mj-text>not'),
        message: expect.stringContaining('mj-column cannot be used inside mj-body'),
      }),
    ]);
  });

  it('reports a problem inside a partial in the partial, on its line', async () => {
    const partial = '<mj-section>\n  <mj-column>\n    <mj-text>ok</mj-text>\n    <mj-buton>typo</mj-buton>\n  </mj-column>\n</mj-section>\n';
    const mjml = mjmlDocument('    <mj-include path="../_partials/cta.mjml" />');
    const { message, path } = await loadEmail({ 'message.yaml': emailYaml(), 'email.mjml': mjml, '../_partials/cta.mjml': partial });
    const rendered = await renderEmail(message, undefined, { engines, cache: new MjmlCache() });
    expect(rendered?.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'syntax/mjml')).toEqual([
      expect.objectContaining({ file: path('../_partials/cta.mjml'), ...positionOf(partial, '<mj-buton>') }),
    ]);
  });

  it('reports a body mjml cannot compile at all instead of throwing', async () => {
    const { message, path } = await loadEmail({ 'message.yaml': emailYaml(), 'email.mjml': '<p>not mjml</p>\n' });
    const rendered = await renderEmail(message, undefined, { engines, cache: new MjmlCache() });
    expect(rendered?.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'syntax/mjml', severity: 'error', file: path('email.mjml'), line: 1, column: 1 }),
    ]);
    expect(rendered?.html).toBe('');
  });
});
