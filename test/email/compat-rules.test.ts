import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { checkCompat } from '../../src/email/compat/check-compat.js';
import { loadConfig } from '../../src/workspace/index.js';
import { positionOf } from '../helpers/text-position.js';
import { emailYaml, mjmlDocument, section, useEmailWorkspaces } from './email-workspace.js';

const loadEmail = useEmailWorkspaces();

async function check(body: string, rule: string, kind: 'html' | 'mjml' = 'html'): Promise<Diagnostic[]> {
  const file = kind === 'html' ? 'email.html' : 'email.mjml';
  const { message, root } = await loadEmail({ 'message.yaml': emailYaml({ body: file }), [file]: body });
  const { config } = await loadConfig(root);
  return (await checkCompat(message, config, () => true)).filter((diagnostic) => diagnostic.ruleId === rule);
}

const page = (body: string) => `<!doctype html>\n<html lang="en">\n<head><title>T</title></head>\n<body>\n${body}\n</body>\n</html>\n`;

describe('email/img-dimensions', () => {
  it('reports an <img> without width or height, at the image', async () => {
    const html = page('<img src="https://example.com/a.png" alt="" width="10" height="10">\n<img src="https://example.com/b.png" alt="" width="10">');
    const diagnostics = await check(html, 'email/img-dimensions');
    expect(diagnostics).toEqual([
      expect.objectContaining({ ...positionOf(html, '<img src="https://example.com/b.png"'), message: expect.stringContaining('no height') }),
    ]);
  });

  it('leaves mj-image alone: MJML writes its width', async () => {
    expect(await check(mjmlDocument(section('<mj-image src="https://example.com/a.png" alt="" />')), 'email/img-dimensions', 'mjml')).toEqual([]);
  });
});

describe('email/bg-image-fallback', () => {
  it('reports a background image without a colour behind it, and accepts bgcolor or background-color', async () => {
    const html = page(
      [
        '<table><tr><td style="background-image:url(https://example.com/a.png)">bare</td>',
        '<td bgcolor="#123456" style="background-image:url(https://example.com/a.png)">bgcolor</td>',
        '<td style="background:#123456 url(https://example.com/a.png)">shorthand</td>',
        '<td background="https://example.com/a.png">attribute</td></tr></table>',
      ].join('\n'),
    );
    const diagnostics = await check(html, 'email/bg-image-fallback');
    expect(diagnostics.map(({ line }) => line)).toEqual([positionOf(html, 'bare').line, positionOf(html, 'attribute').line]);
  });
});

describe('email/link-scheme', () => {
  it('checks mailto: addresses and fields and asks tel: for a country code (RFC 6068, RFC 3966)', async () => {
    const html = page(
      [
        '<a href="mailto:help@example.com?subject=Order%2042">ok mail</a>',
        '<a href="mailto:help-at-example.com">bad address</a>',
        '<a href="mailto:help@example.com?Order 42">bad fields</a>',
        '<a href="tel:+44-20-7946-0958">ok phone</a>',
        '<a href="tel:020-7946-0958">local phone</a>',
      ].join('\n'),
    );
    const diagnostics = await check(html, 'email/link-scheme');
    expect(diagnostics.map(({ line }) => line)).toEqual([positionOf(html, 'bad address').line, positionOf(html, 'local phone').line]);
    expect(diagnostics[1]!.message).toContain('country code');
  });
});

describe('email/link-text', () => {
  it('reports links whose text says nothing out of context', async () => {
    const html = page(
      '<p>To reset, <a href="https://example.com/r">click here</a>.</p>\n<p><a href="https://example.com/o">View your order</a></p>\n<p><a href="https://example.com/m">Read more…</a></p>',
    );
    const diagnostics = await check(html, 'email/link-text');
    expect(diagnostics.map(({ line, message }) => [line, message])).toEqual([
      [positionOf(html, 'click here').line, expect.stringContaining('"click here"')],
      [positionOf(html, 'Read more').line, expect.stringContaining('"read more"')],
    ]);
  });
});
