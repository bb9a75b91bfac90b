import { describe, expect, it } from 'vitest';
import { createEngines, defaultRenderLimits } from '../../src/render/index.js';
import { positionOf } from '../helpers/text-position.js';
import { compileText, renderText } from './compile-text.js';

const engines = createEngines();
const tenMegabytes = 'x'.repeat(10 * 1024 * 1024);

describe('render limits: liquid loops', () => {
  it('stops a 100-million-step range with render/limit', () => {
    const text = 'Start\n{% for i in (1..100000000) %}{{ i }}{% endfor %}';
    const result = renderText(engines.liquid, text);
    expect(result.output).toBe('');
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ ruleId: 'render/limit', severity: 'error', ...positionOf(text, '{% for') });
  });

  it('stops nested loops whose ranges are each small enough on their own', () => {
    const text = '{% for i in (1..20000) %}{% for j in (1..20000) %}.{% endfor %}{% endfor %}';
    const result = renderText(engines.liquid, text);
    expect(result.output).toBe('');
    expect(result.diagnostics).toEqual([expect.objectContaining({ ruleId: 'render/limit' })]);
  });
});

describe('render limits: output size', () => {
  it.each(['liquid', 'handlebars'] as const)('%s: a 10 MB attribute printed 100 times is a render/limit diagnostic, not output', (name) => {
    const text = '{{ customer.bio }}'.repeat(100);
    const result = renderText(engines[name], text, { customer: { bio: tenMegabytes } });
    expect(result.output).toBe('');
    expect(result.diagnostics).toEqual([expect.objectContaining({ ruleId: 'render/limit', severity: 'error' })]);
    expect(result.diagnostics[0]?.message).toContain(String(defaultRenderLimits.maxOutputLength));
  });

  it.each(['liquid', 'handlebars'] as const)('%s: output just over maxOutputLength is refused, output at the limit is kept', (name) => {
    const { template } = compileText(engines[name], '{{ customer.bio }}');
    const limits = { ...defaultRenderLimits, maxOutputLength: 1000 };
    expect(template!.render({ customer: { bio: 'y'.repeat(1000) }, trigger: {} }, { limits }).output).toHaveLength(1000);
    const over = template!.render({ customer: { bio: 'y'.repeat(1001) }, trigger: {} }, { limits });
    expect(over.output).toBe('');
    expect(over.diagnostics).toEqual([expect.objectContaining({ ruleId: 'render/limit', message: expect.stringContaining('1001') })]);
  });
});

describe('render limits: template size', () => {
  it.each(['liquid', 'handlebars'] as const)('%s: a template over maxTemplateLength is refused before parsing', (name) => {
    const small = createEngines({ ...defaultRenderLimits, maxTemplateLength: 100 });
    const { template, diagnostics } = compileText(small[name], 'x'.repeat(101));
    expect(template).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'render/limit', line: 1, column: 1 });
  });
});
