import { describe, expect, it } from 'vitest';
import { createEngines, engineFor, fileTemplateSource, type RenderContext, type TemplateSource } from '../../src/render/index.js';
import { traceCharacterOrigins } from '../../src/sms/check/index.js';

const engines = createEngines();

function trace(engine: 'liquid' | 'handlebars', text: string, context: RenderContext) {
  const render = (source: TemplateSource, data: RenderContext) => engineFor(engines, engine).compile(source).template!.render(data).output;
  const source = fileTemplateSource('/virtual/sms.txt', text);
  const output = render(source, context);
  return { output, origins: traceCharacterOrigins({ source, context, output, render }) };
}

describe('traceCharacterOrigins', () => {
  it('maps each character outside GSM-7 to its offset in the template or its attribute, through loops', () => {
    const text = 'It\u2019s {% for item in trigger.items %}{{ item }}\u2013{% endfor %}';
    const { output, origins } = trace('liquid', text, { customer: {}, trigger: { items: ['\u0416', 'a'] } });
    expect(output).toBe('It\u2019s \u0416\u2013a\u2013');
    expect(origins).toEqual(
      new Map([
        [output.indexOf('\u2019'), { kind: 'template', offset: text.indexOf('\u2019') }],
        [output.indexOf('\u0416'), { kind: 'attribute', path: ['trigger', 'items', 0], value: '\u0416' }],
        [output.indexOf('\u2013'), { kind: 'template', offset: text.indexOf('\u2013') }],
        [output.lastIndexOf('\u2013'), { kind: 'template', offset: text.indexOf('\u2013') }],
      ]),
    );
  });

  it('keys offsets in the real output when an emoji (two UTF-16 units) comes before', () => {
    const text = '\ud83d\ude00 {{ customer.name }} \u2019';
    const { output, origins } = trace('liquid', text, { customer: { name: '\u00eb' }, trigger: {} });
    expect(origins.get(output.indexOf('\u00eb'))).toEqual({ kind: 'attribute', path: ['customer', 'name'], value: '\u00eb' });
    expect(origins.get(output.indexOf('\u2019'))).toEqual({ kind: 'template', offset: text.indexOf('\u2019') });
    expect(origins.get(0)).toEqual({ kind: 'template', offset: 0 });
  });

  it('does not mistake private-use characters already in the template or data for its markers', () => {
    const text = 'A\ue000 {{ customer.name }}';
    const { output, origins } = trace('liquid', text, { customer: { name: '\ue001' }, trigger: {} });
    expect(origins).toEqual(
      new Map([
        [1, { kind: 'template', offset: 1 }],
        [3, { kind: 'attribute', path: ['customer', 'name'], value: '\ue001' }],
      ]),
    );
    expect(output).toBe('A\ue000 \ue001');
  });

  it('traces through Handlebars HTML escaping', () => {
    const { output, origins } = trace('handlebars', '{{customer.name}} \u2014 ok', { customer: { name: 'Zo\u00eb & Co' }, trigger: {} });
    expect(output).toBe('Zo\u00eb &amp; Co \u2014 ok');
    expect(origins.get(2)).toEqual({ kind: 'attribute', path: ['customer', 'name'], value: 'Zo\u00eb & Co' });
    expect(origins.get(output.indexOf('\u2014'))).toEqual({ kind: 'template', offset: '{{customer.name}} '.length });
  });

  it('leaves data untraced when a filter changes it, and still traces the template', () => {
    const text = '{{ customer.name | upcase }} \u2019';
    const { output, origins } = trace('liquid', text, { customer: { name: '\u0434' }, trigger: {} });
    expect(output).toBe('\u0414 \u2019');
    expect(origins).toEqual(new Map([[2, { kind: 'template', offset: text.indexOf('\u2019') }]]));
  });
});
