import { describe, expect, it } from 'vitest';
import { createEngines } from '../../src/render/index.js';
import { positionOf } from '../helpers/text-position.js';
import { compileText, renderText, templateFile } from './compile-text.js';

const { handlebars } = createEngines();

describe('handlebars: the customer and trigger namespaces', () => {
  it('renders customer.* and trigger.* attributes and iterates trigger arrays', () => {
    const text = 'Hi {{customer.first_name}}, order {{trigger.order_id}}: {{#each trigger.items}}{{this.name}};{{/each}}';
    const result = renderText(handlebars, text, { customer: { first_name: 'Ada' }, trigger: { order_id: 'NW-1', items: [{ name: 'Mug' }, { name: 'Tote' }] } });
    expect(result).toEqual({ output: 'Hi Ada, order NW-1: Mug;Tote;', diagnostics: [] });
  });
});

describe('handlebars: strict mode', () => {
  it('reports a missing attribute at its position and renders it empty', () => {
    const text = 'Hello\n  {{ customer.first_name }}!';
    const result = renderText(handlebars, text, {}, { strict: true });
    expect(result.output).toBe('Hello\n  !');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'render/undefined-attribute', severity: 'error', file: templateFile, ...positionOf(text, 'customer.first_name') }),
    ]);
  });

  it('accepts an absent attribute inside {{#if}}', () => {
    const text = '{{#if customer.first_name}}Hi {{customer.first_name}}{{else}}Hello{{/if}}';
    expect(renderText(handlebars, text, {}, { strict: true })).toEqual({ output: 'Hello', diagnostics: [] });
  });
});

describe('handlebars: escaping (as SFMC)', () => {
  const name = `<b>O'Neil & "Sons"</b>`;

  it('{{ }} escapes <, >, &, " and \'', () => {
    const output = renderText(handlebars, '{{customer.name}}', { customer: { name } }).output;
    expect(output).not.toMatch(/[<>"']/);
    const decoded = output.replace(
      /&(lt|gt|amp|quot|#34|#39|#x27|apos);/g,
      (_entity, code: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', '#34': '"', '#39': "'", '#x27': "'", apos: "'" })[code]!,
    );
    expect(decoded).toBe(name);
  });

  it('{{{ }}} prints the value as it is', () => {
    expect(renderText(handlebars, '{{{customer.name}}}', { customer: { name } }).output).toBe(name);
  });
});

describe('handlebars: prototype access stays denied', () => {
  it('renders constructor and __proto__ lookups empty', () => {
    const result = renderText(handlebars, '[{{constructor.name}}][{{__proto__}}][{{customer.constructor.name}}][{{customer.__proto__.toString}}]', {
      customer: { first_name: 'Ada' },
    });
    expect(result.output).toBe('[][][][]');
  });

  it('cannot reach Object.prototype through lookup or a crafted sample', () => {
    const context = JSON.parse('{"customer": {"__proto__": {"polluted": "yes"}}, "trigger": {}}') as {
      customer: Record<string, unknown>;
      trigger: Record<string, unknown>;
    };
    const result = renderText(handlebars, '[{{lookup customer "constructor"}}][{{customer.polluted}}]', context);
    expect(result.output).toBe('[][]');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('handlebars: errors', () => {
  it('reports an unknown helper at the helper name', () => {
    const text = 'Total:\n{{formatCurrency trigger.total "USD"}}';
    const { template, diagnostics } = compileText(handlebars, text);
    expect(template).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'syntax/handlebars', severity: 'error', file: templateFile, ...positionOf(text, 'formatCurrency') });
    expect(diagnostics[0]?.message).toBe('unknown helper "formatCurrency"');
  });

  it('reports {{#if}} without {{/if}} at the opening tag', () => {
    const text = 'Hi\n{{#if customer.vip}}VIP {{#each trigger.items}}x{{/each}}';
    const { template, diagnostics } = compileText(handlebars, text);
    expect(template).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'syntax/handlebars', line: 2, column: 1, message: '{{#if customer.vip}} is not closed' });
    expect(diagnostics[0]?.hint).toContain('{{/if}}');
  });

  it('reports a block closed by the wrong name', () => {
    const text = '{{#if customer.vip}}\nVIP\n{{/each}}';
    const { diagnostics } = compileText(handlebars, text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'syntax/handlebars', line: 1, message: '{{#if}} is closed by {{/each}}' });
  });

  it('reports a malformed mustache at its line', () => {
    const text = 'Hi\nthere {{}}';
    const { diagnostics } = compileText(handlebars, text);
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'syntax/handlebars', line: 2 })]);
  });
});
