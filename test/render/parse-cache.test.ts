import { describe, expect, it } from 'vitest';
import { createEngines, fileTemplateSource } from '../../src/render/index.js';

describe('parse cache', () => {
  it.each([
    ['liquid', 'Hi {{ customer.first_name }}'],
    ['handlebars', 'Hi {{customer.first_name}}'],
  ] as const)('%s: compiling the same text twice parses it once', (name, text) => {
    const engine = createEngines()[name];
    const first = engine.compile(fileTemplateSource('/a/sms.txt', text));
    expect(engine.parseCacheStats()).toEqual({ hits: 0, misses: 1, size: 1 });

    // Same text from another file (another message sharing a body): no second parse.
    const second = engine.compile(fileTemplateSource('/b/sms.txt', text));
    expect(engine.parseCacheStats()).toEqual({ hits: 1, misses: 1, size: 1 });

    // Each compile keeps its own file for diagnostics, and both render the same.
    expect(second.template?.source.file).toBe('/b/sms.txt');
    const context = { customer: { first_name: 'Ada' }, trigger: {} };
    expect(second.template?.render(context).output).toBe('Hi Ada');
    expect(first.template?.render(context).output).toBe('Hi Ada');
  });

  it.each([
    ['liquid', 'Hi {{ customer.first_name }}', 'Hi {{ customer.last_name }}'],
    ['handlebars', 'Hi {{customer.first_name}}', 'Hi {{customer.last_name}}'],
  ] as const)('%s: a changed text is parsed again', (name, before, after) => {
    const engine = createEngines()[name];
    engine.compile(fileTemplateSource('/a/sms.txt', before));
    engine.compile(fileTemplateSource('/a/sms.txt', after));
    expect(engine.parseCacheStats()).toEqual({ hits: 0, misses: 2, size: 2 });
  });

  it('positions diagnostics in the file being compiled, even on a cache hit', () => {
    const { liquid } = createEngines();
    const text = 'Hi {{ customer.first_name }}';
    liquid.compile(fileTemplateSource('/a/sms.txt', text));
    const { template } = liquid.compile(fileTemplateSource('/b/sms.txt', text));
    const result = template!.render({ customer: {}, trigger: {} }, { strict: true });
    expect(result.diagnostics).toEqual([expect.objectContaining({ file: '/b/sms.txt', line: 1, column: 7 })]);
  });
});
