import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkEmailMessage, MjmlCache } from '../../src/email/index.js';
import { createEngines } from '../../src/render/index.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { loadConfig, loadWorkspace } from '../../src/workspace/index.js';
import { positionOf } from '../helpers/text-position.js';
import { emailYaml, mjmlDocument, section, useEmailWorkspaces, type LoadedEmail } from './email-workspace.js';

const loadEmail = useEmailWorkspaces();
const engines = createEngines();

async function check(files: Record<string, string>, rule: string): Promise<{ diagnostics: Diagnostic[]; path: LoadedEmail['path'] }> {
  const { message, path } = await loadEmail(files);
  const diagnostics = await checkEmailMessage(message, { engines, cache: new MjmlCache() });
  return { diagnostics: diagnostics.filter((diagnostic) => diagnostic.ruleId === rule), path };
}

/** An HTML email of exactly `bytes` UTF-8 bytes, padded with `filler` (1 or 2 bytes each). */
function htmlOfBytes(bytes: number, filler: 'a' | 'é'): string {
  const head = '<!doctype html><html lang="en" dir="ltr"><head><title>Size</title></head><body><p>';
  const tail = '</p></body></html>';
  const room = bytes - Buffer.byteLength(head + tail);
  const width = Buffer.byteLength(filler);
  return head + filler.repeat(Math.floor(room / width)) + 'a'.repeat(room % width) + tail;
}

const htmlFiles = (html: string, samples: Record<string, object> = { standard: {} }) => ({
  'message.yaml': emailYaml({ body: 'email.html' }),
  'email.html': html,
  ...Object.fromEntries(Object.entries(samples).map(([name, data]) => [`samples/${name}.json`, JSON.stringify(data)])),
});

describe('email/size: Gmail clips HTML over 102 KB', () => {
  it('is an error one byte over 102 × 1024 UTF-8 bytes, counting bytes, not characters', async () => {
    const html = htmlOfBytes(102 * 1024 + 1, 'é');
    expect(html.length).toBeLessThan(102 * 1024); // the characters alone would pass
    const { diagnostics, path } = await check(htmlFiles(html), 'email/size');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: path('email.html'), line: 1, column: 1 })]);
    expect(diagnostics[0]?.message).toContain('Gmail');
    expect(diagnostics[0]?.message).toContain('"standard"');
  });

  it('is a warning at exactly 102 KB and over 80 KB, nothing at 80 KB', async () => {
    expect((await check(htmlFiles(htmlOfBytes(102 * 1024, 'a')), 'email/size')).diagnostics).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect((await check(htmlFiles(htmlOfBytes(80 * 1024 + 1, 'a')), 'email/size')).diagnostics).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect((await check(htmlFiles(htmlOfBytes(80 * 1024, 'a')), 'email/size')).diagnostics).toEqual([]);
  });

  it('measures each sample as rendered: a loop that grows past the limit for one sample', async () => {
    const mjml = mjmlDocument(section('<mj-table>{% for row in trigger.rows %}<tr><td>{{ row }}</td></tr>{% endfor %}</mj-table>'));
    const rows = (count: number) => ({ trigger: { rows: Array.from({ length: count }, (_, index) => `Line item number ${index} with a long description`) } });
    const { diagnostics } = await check(
      { 'message.yaml': emailYaml(), 'email.mjml': mjml, 'samples/few.json': JSON.stringify(rows(3)), 'samples/many.json': JSON.stringify(rows(2000)) },
      'email/size',
    );
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(diagnostics[0]?.message).toContain('"many"');
  });

  it('measures a large generated MJML email (compiled through mjml: the markup it writes counts)', async () => {
    const paragraphs = Array.from({ length: 100 }, (_, index) =>
      section(`<mj-text>Paragraph ${index}: ${'Northwind supplies camping gear. '.repeat(4)}</mj-text>`),
    ).join('\n');
    const { diagnostics } = await check({ 'message.yaml': emailYaml(), 'email.mjml': mjmlDocument(paragraphs), 'samples/standard.json': '{}' }, 'email/size');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error' })]);
  });
});

describe('email/img-alt', () => {
  it('reports an <img> without alt at the tag; alt="" (decorative) is fine', async () => {
    const html =
      '<!doctype html>\n<html lang="en" dir="ltr"><body>\n<img src="https://cdn.example.com/logo.png">\n<img alt="" src="https://cdn.example.com/spacer.gif">\n<img alt="Tote bag" src="https://cdn.example.com/tote.png">\n</body></html>\n';
    const { diagnostics, path } = await check(htmlFiles(html), 'email/img-alt');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', file: path('email.html'), ...positionOf(html, '<img src') })]);
  });

  it('reports an mj-image without alt (mjml would write alt="") and a raw <img> in mj-text, at their MJML lines', async () => {
    const mjml = mjmlDocument(
      section(
        '<mj-image src="https://cdn.example.com/hero.png" />\n        <mj-image src="https://cdn.example.com/rule.png" alt="" />\n        <mj-text>Icon <img src="https://cdn.example.com/icon.png" width="16"></mj-text>',
      ),
    );
    const { diagnostics, path } = await check({ 'message.yaml': emailYaml(), 'email.mjml': mjml }, 'email/img-alt');
    expect(diagnostics.sort((a, b) => a.line - b.line)).toEqual([
      expect.objectContaining({ file: path('email.mjml'), ...positionOf(mjml, '<mj-image src="https://cdn.example.com/hero.png"') }),
      expect.objectContaining({ file: path('email.mjml'), ...positionOf(mjml, '<img src') }),
    ]);
  });
});

describe('email/lang and email/dir', () => {
  it('reports a missing lang (warning) and dir (info) on <html>', async () => {
    const html = '<!doctype html>\n<html>\n<body><p>Hi</p></body></html>\n';
    const lang = await check(htmlFiles(html), 'email/lang');
    expect(lang.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', file: lang.path('email.html'), ...positionOf(html, '<html>') })]);
    const dir = await check(htmlFiles(html), 'email/dir');
    expect(dir.diagnostics).toEqual([expect.objectContaining({ severity: 'info', ...positionOf(html, '<html>') })]);
  });

  it('reports them on <mjml> for MJML bodies (mjml would write lang="und" dir="auto")', async () => {
    const mjml = '<mjml>\n  <mj-body>\n' + section('<mj-text>Hi</mj-text>') + '\n  </mj-body>\n</mjml>\n';
    const { diagnostics, path } = await check({ 'message.yaml': emailYaml(), 'email.mjml': mjml }, 'email/lang');
    expect(diagnostics).toEqual([expect.objectContaining({ file: path('email.mjml'), line: 1, column: 1 })]);
    expect((await check({ 'message.yaml': emailYaml(), 'email.mjml': mjmlDocument(section('<mj-text>Hi</mj-text>')) }, 'email/lang')).diagnostics).toEqual([]);
  });
});

describe('links', () => {
  const mjml = mjmlDocument(
    section(
      [
        '<mj-button href="#">Placeholder</mj-button>',
        '<mj-text>Read <a href="">nothing</a> or <a href="http://northwind.example.com/faq">the FAQ</a>.</mj-text>',
        '<mj-text><a href="www.northwind.example.com">site</a> <a href="mailto:help@northwind.example.com">mail</a> <a href="tel:+14155552671">call</a> <a name="top">anchor</a></mj-text>',
        '<mj-button href="{{ trigger.order_url }}">Your order</mj-button>',
        '<mj-text>{% for item in trigger.items %}<a href="{{ item.url }}">{{ item.name }}</a> {% endfor %}</mj-text>',
      ].join('\n        '),
    ),
  );
  const files = {
    'message.yaml': emailYaml(),
    'email.mjml': mjml,
    'samples/good.json': JSON.stringify({
      trigger: { order_url: 'https://northwind.example.com/o/1', items: [{ name: 'Mug', url: 'https://northwind.example.com/p/mug' }] },
    }),
    'samples/relative.json': JSON.stringify({
      trigger: {
        order_url: '/orders/1',
        items: [
          { name: 'Mug', url: 'https://northwind.example.com/p/mug' },
          { name: 'Tent', url: 'northwind.example.com/p/tent' },
        ],
      },
    }),
    'samples/no-url.json': JSON.stringify({ trigger: { items: [] } }),
  };

  it('email/link-empty: empty and "#" hrefs, at the element that wrote them', async () => {
    const { diagnostics, path } = await check(files, 'email/link-empty');
    expect(diagnostics.sort((a, b) => a.line - b.line)).toEqual([
      expect.objectContaining({ severity: 'warning', file: path('email.mjml'), ...positionOf(mjml, '<mj-button href="#"') }),
      expect.objectContaining({ severity: 'warning', file: path('email.mjml'), ...positionOf(mjml, '<a href="">') }),
    ]);
  });

  it('email/link-insecure: http: links', async () => {
    const { diagnostics } = await check(files, 'email/link-insecure');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', ...positionOf(mjml, '<a href="http://') })]);
  });

  it('email/link-malformed: fixed hrefs as written, personalized ones per sample (naming it); mailto:, tel: and anchors are fine', async () => {
    const { diagnostics } = await check(files, 'email/link-malformed');
    expect(diagnostics).toHaveLength(3);
    expect(diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ severity: 'error', ...positionOf(mjml, '<a href="www.'), message: expect.stringContaining('www.northwind.example.com') }),
        expect.objectContaining({ ...positionOf(mjml, '{{ trigger.order_url }}'), message: expect.stringMatching(/"\/orders\/1".*"relative"/) }),
        expect.objectContaining({ ...positionOf(mjml, '{{ item.url }}'), message: expect.stringMatching(/"northwind.example.com\/p\/tent".*"relative"/) }),
      ]),
    );
  });

  it('email/href-empty-personalization: a personalized href that renders empty names the sample', async () => {
    const { diagnostics, path } = await check(files, 'email/href-empty-personalization');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: path('email.mjml'), ...positionOf(mjml, '{{ trigger.order_url }}') })]);
    expect(diagnostics[0]?.message).toContain('"no-url"');
  });
});

describe('checkEmailMessage', () => {
  it('reports a problem found through several samples once', async () => {
    const html = '<!doctype html>\n<html lang="en" dir="ltr"><body><a href="http://example.com/a">a</a> {{ customer.name }}</body></html>\n';
    const { message } = await loadEmail(htmlFiles(html, { one: {}, two: {}, three: {} }));
    const diagnostics = await checkEmailMessage(message, { engines });
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId).sort()).toEqual(['email/link-insecure', 'render/undefined-attribute']);
  });

  it('is clean for the example templates shipped in templates/', async () => {
    const { config } = await loadConfig(fileURLToPath(new URL('../..', import.meta.url)));
    const workspace = await loadWorkspace(config);
    for (const message of workspace.messages) expect(await checkEmailMessage(message, { engines })).toEqual([]);
  });
});
