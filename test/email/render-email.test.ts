import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MjmlCache } from '../../src/email/index.js';
import { renderEmail } from '../../src/email/render-email.js';
import { createEngines } from '../../src/render/index.js';
import { isBroken, loadConfig, loadMessage } from '../../src/workspace/index.js';
import { emailYaml, mjmlDocument, section, useEmailWorkspaces } from './email-workspace.js';

const loadEmail = useEmailWorkspaces();
const engines = createEngines();
const hiddenStyle = /<div style="display:none;[^"]*">/;

/** The text of the first element right after `<body…>` in `html`. */
function afterBodyTag(html: string): string {
  const body = /<body[^>]*>/.exec(html)!;
  return html.slice(body.index + body[0].length, body.index + body[0].length + 400);
}

describe('renderEmail', () => {
  it('renders the order-confirmation example: line items from the loop, total, subject, preheader', async () => {
    const { config } = await loadConfig(fileURLToPath(new URL('../..', import.meta.url)));
    const message = await loadMessage(`${config.workspace}/order-confirmation`, config);
    if (isBroken(message)) throw new Error('example did not load');
    const sample = message.samples.find((candidate) => candidate.name === 'standard')!;
    const items = sample.data.trigger.items as { name: string }[];
    const rendered = (await renderEmail(message, sample, { engines }))!;
    expect(rendered.diagnostics).toEqual([]);
    for (const item of items) expect(rendered.html).toContain(`<td>${item.name}</td>`);
    expect(rendered.html).not.toContain('{%');
    expect(rendered.html).not.toContain('{{');
    expect(rendered.subject).toBe(`Order ${sample.data.trigger.order_id as string} confirmed`);
    expect(rendered.preheader).toBe(`Thanks ${sample.data.customer.first_name as string}! We're getting your ${items.length} items ready.`);
  });

  it('injects the preheader as hidden text right after <body> when the body has none (HTML-escaped)', async () => {
    const { message } = await loadEmail({
      'message.yaml': emailYaml({ preheader: 'Hi {{ customer.first_name }} & welcome <3' }),
      'email.mjml': mjmlDocument(section('<mj-text>Visible body text</mj-text>')),
      'samples/standard.json': JSON.stringify({ customer: { first_name: 'Ada' } }),
    });
    const rendered = (await renderEmail(message, message.samples[0], { engines, cache: new MjmlCache() }))!;
    expect(rendered.preheader).toBe('Hi Ada & welcome <3');
    expect(afterBodyTag(rendered.html)).toMatch(new RegExp(`^${hiddenStyle.source}Hi Ada &amp; welcome &lt;3</div>`));
    expect(rendered.text).not.toContain('welcome');
    expect(rendered.text).toContain('Visible body text');
  });

  it('does not inject a second preheader when the MJML has mj-preview', async () => {
    const { message } = await loadEmail({
      'message.yaml': emailYaml({ preheader: 'From message.yaml' }),
      'email.mjml': mjmlDocument(section('<mj-text>Body</mj-text>'), '<mj-title>T</mj-title>\n    <mj-preview>From mj-preview</mj-preview>'),
    });
    const rendered = (await renderEmail(message, undefined, { engines, cache: new MjmlCache() }))!;
    expect(rendered.html).not.toContain('From message.yaml');
    expect(rendered.html).toContain('From mj-preview');
    expect(rendered.text).not.toContain('From mj-preview');
  });

  it('does not inject one into HTML that opens with a hand-written hidden preheader', async () => {
    const html =
      '<!doctype html>\n<html lang="en" dir="ltr"><body>\n<span style="display: none; max-height: 0">Own preview text</span>\n<p>Body</p>\n</body></html>\n';
    const { message } = await loadEmail({ 'message.yaml': emailYaml({ body: 'email.html', preheader: 'From message.yaml' }), 'email.html': html });
    const rendered = (await renderEmail(message, undefined, { engines }))!;
    expect(rendered.html).toBe(html);
  });

  it('injects into HTML whose hidden element comes after visible text (that is not a preheader)', async () => {
    const html =
      '<!doctype html>\n<html lang="en" dir="ltr"><body class="x">\n<p>Body first</p>\n<div style="display:none">tracking note</div>\n</body></html>\n';
    const { message } = await loadEmail({ 'message.yaml': emailYaml({ body: 'email.html', preheader: 'Preview' }), 'email.html': html });
    const rendered = (await renderEmail(message, undefined, { engines }))!;
    expect(afterBodyTag(rendered.html)).toMatch(new RegExp(`^${hiddenStyle.source}Preview</div>\n<p>Body first`));
  });
});

describe('the plain-text version', () => {
  it('is made from the rendered HTML: links as "text (url)", readable tables, alt text, no hidden text', async () => {
    const mjml = mjmlDocument(
      [
        section(
          '<mj-image src="https://cdn.example.com/logo.png" alt="Northwind Supply" />\n        <mj-image src="https://cdn.example.com/divider.png" alt="" />',
        ),
        section(
          '<mj-text>Hello {{ customer.first_name }}, <a href="https://northwind.example.com/help">get help</a> or write to <a href="mailto:help@northwind.example.com">help@northwind.example.com</a>.</mj-text>',
        ),
        section(
          '<mj-table><tr><th>Item</th><th>Qty</th></tr>{% for item in trigger.items %}<tr><td>{{ item.name }}</td><td>{{ item.quantity }}</td></tr>{% endfor %}</mj-table>',
        ),
        section('<mj-button href="{{ trigger.order_url }}">View your order</mj-button>'),
      ].join('\n'),
      '<mj-title>T</mj-title>\n    <mj-preview>Hidden preview</mj-preview>',
    );
    const { message } = await loadEmail({
      'message.yaml': emailYaml(),
      'email.mjml': mjml,
      'samples/standard.json': JSON.stringify({
        customer: { first_name: 'Ada' },
        trigger: {
          order_url: 'https://northwind.example.com/orders/7',
          items: [
            { name: 'Canvas tote bag', quantity: 2 },
            { name: 'Mug', quantity: 1 },
          ],
        },
      }),
    });
    const { text } = (await renderEmail(message, message.samples[0], { engines, cache: new MjmlCache() }))!;
    const lines = text.split('\n').map((line) => line.trim());
    expect(text).toContain('get help (https://northwind.example.com/help)');
    expect(text).toContain('View your order (https://northwind.example.com/orders/7)');
    expect(text).toContain('help@northwind.example.com.');
    expect(text).not.toContain('mailto:');
    expect(lines).toContain('Northwind Supply');
    expect(text).not.toContain('divider.png');
    expect(text).not.toContain('logo.png');
    expect(text).not.toContain('Hidden preview');
    // One table row per line, cells in order.
    expect(lines.find((line) => line.startsWith('Canvas tote bag'))).toMatch(/^Canvas tote bag\s+2$/);
    expect(lines.find((line) => line.startsWith('Mug'))).toMatch(/^Mug\s+1$/);
  });

  it('is the explicit text template, rendered, when the message has one', async () => {
    const { message } = await loadEmail({
      'message.yaml': emailYaml({ text: 'email.txt' }),
      'email.mjml': mjmlDocument(section('<mj-text>HTML version</mj-text>')),
      'email.txt': 'Plain version for {{ customer.first_name }}\n',
      'samples/standard.json': JSON.stringify({ customer: { first_name: 'Ada' } }),
    });
    const { text } = (await renderEmail(message, message.samples[0], { engines, cache: new MjmlCache() }))!;
    expect(text).toBe('Plain version for Ada\n');
  });
});
