import { describe, expect, it } from 'vitest';
import { attributeReferences } from '../../src/render/attribute-references.js';
import { createEngines, fileTemplateSource } from '../../src/render/index.js';

const engines = createEngines();

describe('attributeReferences', () => {
  it('lists what a Liquid template reads, in text order, with offsets, in every branch and loop', () => {
    const text =
      'Hi {{ customer.first_name }}{% if trigger.eta %} {{ trigger.eta | upcase }}{% endif %}{% for item in trigger.items %}{{ item.name }}{% endfor %}{{ forloop }}';
    expect(attributeReferences(fileTemplateSource('/t', text), 'liquid', engines)).toEqual([
      { path: ['customer', 'first_name'], offset: text.indexOf('customer.first_name') },
      { path: ['trigger', 'eta'], offset: text.indexOf('trigger.eta') },
      { path: ['trigger', 'eta'], offset: text.lastIndexOf('trigger.eta') },
      { path: ['trigger', 'items'], offset: text.indexOf('trigger.items') },
      // Read through the loop variable: a field of every element (index 0 stands for each).
      { path: ['trigger', 'items', 0, 'name'], offset: text.indexOf('item.name') },
    ]);
  });

  it('stops a path before a computed index and counts lines', () => {
    const text = 'Line one\n{{ customer.prefs[trigger.key] }}';
    const references = attributeReferences(fileTemplateSource('/t', text), 'liquid', engines);
    expect(references).toEqual([
      { path: ['customer', 'prefs'], offset: text.indexOf('customer.prefs') },
      { path: ['trigger', 'key'], offset: text.indexOf('trigger.key') },
    ]);
  });

  it('lists what a Handlebars template reads, following paths relative to an each', () => {
    const text = 'Hi {{customer.first_name}}\n{{#each trigger.items}}{{name}}{{/each}}';
    expect(attributeReferences(fileTemplateSource('/t', text), 'handlebars', engines)).toEqual([
      { path: ['customer', 'first_name'], offset: text.indexOf('customer.first_name') },
      { path: ['trigger', 'items'], offset: text.indexOf('trigger.items') },
      { path: ['trigger', 'items', 0, 'name'], offset: text.indexOf('{{name}}') + 2 },
    ]);
  });

  it('has none for a template that does not parse', () => {
    expect(attributeReferences(fileTemplateSource('/t', '{% if %}'), 'liquid', engines)).toEqual([]);
    expect(attributeReferences(fileTemplateSource('/t', '{{#if}}'), 'handlebars', engines)).toEqual([]);
  });
});
