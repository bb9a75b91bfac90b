import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { checkEmailMessage, MjmlCache } from '../../src/email/index.js';
import { createEngines } from '../../src/render/index.js';
import { positionOf } from '../helpers/text-position.js';
import { emailYaml, mjmlDocument, section, useEmailWorkspaces, type LoadedEmail } from './email-workspace.js';

/**
 * email/empty: what the reader sees is nothing. An unclosed `<!--` runs to the end of the
 * document (HTML parsing, "eof-in-comment": https://html.spec.whatwg.org/multipage/parsing.html#parse-error-eof-in-comment),
 * and display:none / the hidden attribute hide an element and its content
 * (https://html.spec.whatwg.org/multipage/interaction.html#the-hidden-attribute).
 */

const loadEmail = useEmailWorkspaces();
const engines = createEngines();

async function emptyFindings(files: Record<string, string>): Promise<{ diagnostics: Diagnostic[]; path: LoadedEmail['path'] }> {
  const { message, path } = await loadEmail({ 'samples/standard.json': JSON.stringify({ customer: { first_name: 'Ada' }, trigger: {} }), ...files });
  const diagnostics = await checkEmailMessage(message, { engines, cache: new MjmlCache() });
  return { diagnostics: diagnostics.filter((diagnostic) => diagnostic.ruleId === 'email/empty'), path };
}

const page = (body: string) =>
  `<!doctype html>\n<html lang="en" dir="ltr">\n<head><title>Hi</title><style>p { color: #111; }</style></head>\n${body}\n</html>\n`;
const html = (body: string) => ({ 'message.yaml': emailYaml({ body: 'email.html' }), 'email.html': page(body) });

describe('email/empty', () => {
  it('reports an unclosed comment that hides the whole HTML body, at the <!--', async () => {
    const files = html('<!-- <body>\n<p>Hi {{ customer.first_name }}, your order shipped.</p>\n</body>');
    const { diagnostics, path } = await emptyFindings(files);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: path('email.html'), ...positionOf(files['email.html'], '<!-- <body>') })]);
    expect(diagnostics[0]!.message).toContain('never closed');
  });

  it('reports an unclosed comment that hides the rest of the body, even when text comes before it', async () => {
    const files = html('<body>\n<p>Hi {{ customer.first_name }},</p>\n<!-- old footer\n<p>Your order shipped.</p>\n</body>');
    const { diagnostics, path } = await emptyFindings(files);
    expect(diagnostics).toEqual([expect.objectContaining({ file: path('email.html'), ...positionOf(files['email.html'], '<!-- old footer') })]);
  });

  it('reports an unclosed comment in MJML at its line in the .mjml file', async () => {
    const mjml = mjmlDocument(`<!-- draft\n${section('<mj-text>Hi {{ customer.first_name }}</mj-text>')}`);
    const { diagnostics, path } = await emptyFindings({ 'message.yaml': emailYaml(), 'email.mjml': mjml });
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: path('email.mjml'), ...positionOf(mjml, '<!-- draft') })]);
  });

  it('reports content that is all inside a display:none wrapper, naming the wrapper', async () => {
    const files = html('<body>\n<div style="display: none">\n<p>Hi {{ customer.first_name }}, your order shipped.</p>\n</div>\n</body>');
    const { diagnostics, path } = await emptyFindings(files);
    expect(diagnostics).toEqual([expect.objectContaining({ file: path('email.html'), ...positionOf(files['email.html'], '<div style="display: none">') })]);
    expect(diagnostics[0]!.message).toContain('<div style="display: none">');
  });

  it('reports content hidden with the hidden attribute while a preheader is the only visible-looking text', async () => {
    const files = html(
      '<body>\n<div style="display:none;max-height:0;overflow:hidden;mso-hide:all">Preview text</div>\n<table hidden><tr><td>Hi {{ customer.first_name }}, your order shipped.</td></tr></table>\n</body>',
    );
    const { diagnostics } = await emptyFindings(files);
    expect(diagnostics).toEqual([expect.objectContaining({ ...positionOf(files['email.html'], '<table hidden>') })]);
  });

  it('reports a body of only whitespace, markup and zero-width characters', async () => {
    const { diagnostics } = await emptyFindings(html('<body>\n<table role="presentation"><tr><td>&nbsp;&zwnj;&#8203;</td></tr></table>\n</body>'));
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringContaining('no visible text') })]);
  });

  it('reports a sample for which a condition around the whole content renders nothing', async () => {
    const mjml = mjmlDocument(section('<mj-text>{% if customer.vip %}Hi {{ customer.first_name }}, a gift for you.{% endif %}</mj-text>'));
    const { diagnostics } = await emptyFindings({
      'message.yaml': emailYaml(),
      'email.mjml': mjml,
      'samples/vip.json': JSON.stringify({ customer: { first_name: 'Ada', vip: true }, trigger: {} }),
    });
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual(['the email renders no visible text for sample "standard"']);
  });

  it('accepts an email with visible text, an image-only email, and a comment that is closed', async () => {
    expect((await emptyFindings(html('<body><!-- note --><p>Hi {{ customer.first_name }}</p></body>'))).diagnostics).toEqual([]);
    expect((await emptyFindings(html('<body><img src="https://example.com/sale.png" alt="Sale: 20% off"></body>'))).diagnostics).toEqual([]);
    expect(
      (
        await emptyFindings({
          'message.yaml': emailYaml(),
          'email.mjml': mjmlDocument(section('<mj-text>Hi <!-- greeting --> {{ customer.first_name }}</mj-text>')),
        })
      ).diagnostics,
    ).toEqual([]);
  });
});
