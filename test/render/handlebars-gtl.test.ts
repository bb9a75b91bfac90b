import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngines, type ContentType, type RenderContext } from '../../src/render/index.js';
import { compileText } from './compile-text.js';

// SFMC Guide Template Language conformance: one test per row of docs/languages.md
// ("## SFMC Handlebars (GTL)"), each built from the example of the page the row cites
// (developer.salesforce.com/docs/marketing/marketing-cloud/guide/gtl*.html).

const { handlebars } = createEngines();

function render(text: string, context: Partial<RenderContext> = {}, contentType: ContentType = 'html'): string {
  const { template, diagnostics } = compileText(handlebars, text);
  if (!template) throw new Error(`template did not compile: ${JSON.stringify(diagnostics)}`);
  const result = template.render({ customer: {}, trigger: {}, ...context }, { contentType });
  expect(result.diagnostics).toEqual([]);
  return result.output;
}

/** The one diagnostic a template that GTL (as txkit renders it) lacks compiles to. */
function rejection(text: string) {
  const { template, diagnostics } = compileText(handlebars, text);
  expect(template).toBeUndefined();
  expect(diagnostics).toHaveLength(1);
  return diagnostics[0]!;
}

const tomAndJerry = { customer: { name: "Tom & Jerry's" } };

const rows: Record<string, () => void> = {
  // Syntax guide / Trailhead: {{FirstName}} prints the contact's first name.
  '`{{name}}` simple tag': () => {
    expect(render('Hi {{customer.FirstName}}', { customer: { FirstName: 'Ada' } })).toBe('Hi Ada');
  },
  // gtlEscaped: in a text/html message the content is HTML-escaped.
  '`{{ }}` in text/html': () => {
    expect(render('<p>{{customer.name}}</p>', tomAndJerry, 'html')).toBe('<p>Tom &amp; Jerry&#x27;s</p>');
  },
  // gtlEscaped: escaping follows the content type, so text/plain is not HTML-escaped.
  '`{{ }}` in text/plain': () => {
    expect(render('Hi {{customer.name}}', tomAndJerry, 'text')).toBe("Hi Tom & Jerry's");
    expect(render('{{customer.tag}}', { customer: { tag: '<b>' } }, 'text')).toBe('<b>');
  },
  // gtlEscaped: "include an & character" to render un-escaped.
  '`{{& name}}`': () => {
    expect(render('{{& customer.name}}', tomAndJerry, 'html')).toBe("Tom & Jerry's");
  },
  // gtlEscaped: enclose the variable in one more pair of curly brackets to render un-escaped.
  '`{{{name}}}`': () => {
    expect(render('{{{customer.html}}}', { customer: { html: '<b>VIP</b>' } }, 'html')).toBe('<b>VIP</b>');
  },
  // Syntax guide: `!` is the comment prefix.
  '`{{! comment}}`': () => {
    expect(render('a{{! not shown }}b{{!-- neither }} --}}c')).toBe('abc');
  },
  // Syntax guide: `~` after the opening or before the closing delimiter removes the whitespace beside the tag.
  '`~` whitespace control': () => {
    expect(render('Hi   {{~customer.FirstName~}}  !', { customer: { FirstName: 'Ada' } })).toBe('HiAda!');
  },
  // Trailhead: {{#Products}} … {{Product_Name}} … {{/Products}} repeats for each product.
  '`{{#section}}` block tag': () => {
    const text = '{{#trigger.Products}}<strong>Product Name:</strong> {{Product_Name}}<br />{{/trigger.Products}}';
    const products = [{ Product_Name: 'Mug' }, { Product_Name: 'Tote' }];
    expect(render(text, { trigger: { Products: products } })).toBe('<strong>Product Name:</strong> Mug<br /><strong>Product Name:</strong> Tote<br />');
    expect(render(text, { trigger: { Products: [] } })).toBe('');
  },
  // Syntax guide: `^` is the inverted section prefix.
  '`{{^section}}` inverted section': () => {
    expect(render('{{^trigger.Products}}No products{{/trigger.Products}}', { trigger: { Products: [] } })).toBe('No products');
    expect(render('{{^trigger.Products}}No products{{/trigger.Products}}', { trigger: { Products: [{}] } })).toBe('');
  },
  // Syntax guide: null, undefined, false, 0, NaN, "", {} and [] are empty values.
  'empty values': () => {
    for (const value of [null, undefined, false, 0, Number.NaN, '', {}, []]) {
      const context = { customer: { prefs: value } };
      expect(render('{{#if customer.prefs}}set{{else}}empty{{/if}}', context)).toBe('empty');
      expect(render('{{#unless customer.prefs}}empty{{/unless}}', context)).toBe('empty');
      expect(render('{{#with customer.prefs}}set{{else}}empty{{/with}}', context)).toBe('empty');
      expect(render('{{#customer.prefs}}set{{/customer.prefs}}{{^customer.prefs}}empty{{/customer.prefs}}', context)).toBe('empty');
    }
    expect(render('{{#if customer.prefs}}set{{/if}}', { customer: { prefs: { sms: true } } })).toBe('set');
  },
  // gtlIf: "Your order is ready" where the expression is true, "Your order is not ready" otherwise.
  '`{{#if}}…{{else}}…{{/if}}`': () => {
    const text = '{{#if trigger.OrderReady}}Your order is ready{{else}}Your order is not ready{{/if}}';
    expect(render(text, { trigger: { OrderReady: true } })).toBe('Your order is ready');
    expect(render(text, { trigger: { OrderReady: false } })).toBe('Your order is not ready');
  },
  // gtlUnless: renders for a false, null, undefined or empty value (such as {} or []).
  '`{{#unless}}…{{else}}…{{/unless}}`': () => {
    const text = '{{#unless trigger.OrderReady}}Your order is not ready{{else}}Your order is ready{{/unless}}';
    expect(render(text, { trigger: { OrderReady: {} } })).toBe('Your order is not ready');
    expect(render(text, { trigger: { OrderReady: 'yes' } })).toBe('Your order is ready');
  },
  // gtlEach: renders the inner markup once per row; an empty data element renders an empty string.
  '`{{#each}}`': () => {
    const text = '{{#each trigger.items}}{{@index}}:{{this.name}};{{/each}}';
    expect(render(text, { trigger: { items: [{ name: 'Mug' }, { name: 'Tote' }] } })).toBe('0:Mug;1:Tote;');
    expect(render(text, { trigger: { items: [] } })).toBe('');
    expect(render('{{#each trigger.items as |item|}}{{item.name}}{{/each}}', { trigger: { items: [{ name: 'Mug' }] } })).toBe('Mug');
  },
  // gtlWith: processes the inner markup in the data context passed, without iterating.
  '`{{#with}}`': () => {
    const text = '{{#with customer.address}}{{city}}, {{state}}{{/with}}';
    expect(render(text, { customer: { address: { city: 'Indianapolis', state: 'IN' } } })).toBe('Indianapolis, IN');
  },
  // gtlSwitch: the contact sees the text for the value of State; an optional else tag covers the rest.
  '`{{#switch}}{{#case}}…{{else}}…{{/switch}}`': () => {
    const text = '{{#switch customer.State}}{{#case "IN"}}Hello, Hoosier{{/case}}{{#case "IL"}}Hello, Illinoisan{{/case}}{{else}}Hello{{/switch}}';
    expect(render(text, { customer: { State: 'IN' } })).toBe('Hello, Hoosier');
    expect(render(text, { customer: { State: 'IL' } })).toBe('Hello, Illinoisan');
    expect(render(text, { customer: { State: 'OH' } })).toBe('Hello');
    // SFMC attributes are text: a numeric case matches the text value.
    expect(render('{{#switch customer.Tier}}{{#case 2}}Gold{{/case}}{{/switch}}', { customer: { Tier: '2' } })).toBe('Gold');
  },
  // Syntax guide: Guide supports valid Handlebars.js templates, whose built-in lookup reads by index or key.
  '`{{lookup}}`': () => {
    expect(render('{{lookup trigger.items 1}}', { trigger: { items: ['Mug', 'Tote'] } })).toBe('Tote');
  },
  '`{{#case}}` outside `{{#switch}}`': () => {
    expect(rejection('{{#case "IN"}}Indiana{{/case}}')).toMatchObject({
      ruleId: 'syntax/handlebars',
      message: '{{#case}} outside a {{#switch}} block',
      line: 1,
      column: 1,
    });
  },
  '`{{> partial}}`': () => {
    expect(rejection('Hi\n{{> footer}}')).toMatchObject({
      ruleId: 'syntax/handlebars',
      message: 'partials ({{> name}}) are not supported',
      line: 2,
      column: 1,
    });
  },
  '`{{#*inline}}`, decorators': () => {
    expect(rejection('{{#*inline "row"}}x{{/inline}}')).toMatchObject({ ruleId: 'syntax/handlebars', message: expect.stringContaining('decorators') });
  },
  '`{{= … }}` function / set-delimiter tag': () => {
    expect(rejection('{{=<% %>=}}<% customer.name %>')).toMatchObject({
      ruleId: 'syntax/handlebars',
      message: expect.stringContaining('set-delimiter'),
      column: 1,
    });
  },
  '`{{#= … }}` block helper prefix': () => {
    expect(rejection('x {{#=helper}}y{{/helper}}')).toMatchObject({ ruleId: 'syntax/handlebars', message: expect.stringContaining('block-helper'), column: 3 });
  },
  'any other helper (`{{formatDate x}}`, GTL data-source blocks)': () => {
    const diagnostic = rejection('{{formatDate trigger.date}}');
    expect(diagnostic).toMatchObject({ ruleId: 'syntax/handlebars', message: 'unknown helper "formatDate"', column: 3 });
    expect(diagnostic.hint).toContain('switch/case');
  },
};

/** The first cells of the GTL table in docs/languages.md. */
function documentedRows(): string[] {
  const doc = readFileSync(new URL('../../docs/languages.md', import.meta.url), 'utf8');
  const section = doc.split(/^## /m).find((part) => part.startsWith('SFMC Handlebars (GTL)'));
  if (!section) throw new Error('docs/languages.md has no "## SFMC Handlebars (GTL)" section');
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| construct |'))
    .map((line) => line.split(/(?<!\\)\|/)[1]!.trim());
}

describe('SFMC GTL conformance (docs/languages.md)', () => {
  it('has one test per documented row, and no test for an undocumented one', () => {
    expect(Object.keys(rows).sort()).toEqual(documentedRows().sort());
  });

  for (const [row, test] of Object.entries(rows)) it(row, test);
});
