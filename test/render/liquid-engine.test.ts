import { describe, expect, it } from 'vitest';
import { createEngines } from '../../src/render/index.js';
import { positionOf } from '../helpers/text-position.js';
import { compileText, renderText, templateFile } from './compile-text.js';

const { liquid } = createEngines();

describe('liquid: the customer and trigger namespaces', () => {
  it('renders customer.* and trigger.* attributes', () => {
    const result = renderText(liquid, 'Hi {{ customer.first_name }}, order {{ trigger.order_id }} has {{ trigger.items.size }} items', {
      customer: { first_name: 'Ada' },
      trigger: { order_id: 'NW-1', items: [1, 2, 3] },
    });
    expect(result).toEqual({ output: 'Hi Ada, order NW-1 has 3 items', diagnostics: [] });
  });

  it('iterates arrays of the trigger data', () => {
    const text = '{% for item in trigger.items %}{{ item.name }}×{{ item.quantity }};{% endfor %}';
    const result = renderText(liquid, text, {
      trigger: {
        items: [
          { name: 'Mug', quantity: 2 },
          { name: 'Tote', quantity: 1 },
        ],
      },
    });
    expect(result.output).toBe('Mug×2;Tote×1;');
  });
});

describe('liquid: strict mode', () => {
  it('reports a missing attribute at its position and still renders it empty', () => {
    const text = 'Hello\n  {{ customer.first_name }}!';
    const result = renderText(liquid, text, {}, { strict: true });
    expect(result.output).toBe('Hello\n  !');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'render/undefined-attribute', severity: 'error', file: templateFile, ...positionOf(text, 'customer.first_name') }),
    ]);
    expect(result.diagnostics[0]?.message).toContain('customer.first_name');
  });

  it('reports nothing outside strict mode', () => {
    expect(renderText(liquid, '{{ customer.first_name }}', {}, { strict: false })).toEqual({ output: '', diagnostics: [] });
  });

  it('accepts an absent attribute tested by {% if %} or given a | default', () => {
    const text = '{% if customer.first_name %}Hi {{ customer.first_name }}{% else %}Hello{% endif %}, {{ customer.nickname | default: "friend" }}';
    expect(renderText(liquid, text, {}, { strict: true })).toEqual({ output: 'Hello, friend', diagnostics: [] });
  });

  it('leaves the stack traces of errors outside a render as they were (a render turns them off while liquidjs raises its own)', () => {
    const before = Error.stackTraceLimit;
    renderText(liquid, '{% if trigger.eta %}Arriving {{ trigger.eta }}{% endif %}{{ customer.first_name }}', {}, { strict: true });
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error('after a render').stack).toContain('liquid-engine.test.ts');
  });

  it('sees only the two namespaces and own properties', () => {
    const result = renderText(liquid, '[{{ first_name }}][{{ customer.constructor }}]', { customer: { first_name: 'Ada' } }, { strict: false });
    expect(result.output).toBe('[][]');
  });
});

describe('liquid: escaping (as Customer.io: none unless asked)', () => {
  const name = `<b>O'Neil & "Sons"</b>`;

  it('prints attributes as they are', () => {
    expect(renderText(liquid, '{{ customer.name }}', { customer: { name } }).output).toBe(name);
  });

  it('escapes <, >, &, " and \' with | escape', () => {
    const output = renderText(liquid, '{{ customer.name | escape }}', { customer: { name } }).output;
    expect(output).not.toMatch(/[<>"']/);
    expect(output).toContain('&lt;b&gt;');
    expect(output).toContain('&amp;');
    // Named or numeric entities are both valid HTML; decode them to check nothing was lost.
    const decoded = output.replace(
      /&(lt|gt|amp|quot|#34|#39|#x27|apos);/g,
      (_entity, code: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', '#34': '"', '#39': "'", '#x27': "'", apos: "'" })[code]!,
    );
    expect(decoded).toBe(name);
  });
});

describe('liquid: syntax errors', () => {
  it('reports an unknown filter as syntax/liquid at the filter name', () => {
    const text = 'Order {{ trigger.order_id }}\nTotal: {{ trigger.total | upcase | money_with_currency }}';
    const { template, diagnostics } = compileText(liquid, text);
    expect(template).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'syntax/liquid', severity: 'error', file: templateFile, ...positionOf(text, 'money_with_currency') });
    expect(diagnostics[0]?.message).toBe('undefined filter: money_with_currency');
  });

  it('reports an unclosed {% if %} at the tag, without liquidjs position suffixes', () => {
    const text = 'Hi\n{% if customer.vip %}VIP';
    const { template, diagnostics } = compileText(liquid, text);
    expect(template).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'syntax/liquid', line: 2, column: 1 });
    expect(diagnostics[0]?.message).toContain('not closed');
    expect(diagnostics[0]?.message).not.toMatch(/line:|col:|file:/);
    expect(diagnostics[0]?.hint).toContain('{% endif %}');
  });
});
