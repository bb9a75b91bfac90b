import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { checkCompat } from '../../src/email/compat/check-compat.js';
import { loadConfig } from '../../src/workspace/index.js';
import { positionOf } from '../helpers/text-position.js';
import { emailYaml, useEmailWorkspaces } from './email-workspace.js';

const loadEmail = useEmailWorkspaces();

/** Checks an HTML email against `clients` (email.clients in txkit.config.yaml); returns the diagnostics of `rule`. */
async function compat(html: string, clients: string[], rule = 'email/compat', acceptPartial = false): Promise<{ diagnostics: Diagnostic[]; file: string }> {
  const config = `email:\n  acceptPartial: ${acceptPartial}\n  clients:\n${clients.map((client) => `    - "${client}"`).join('\n')}\n`;
  const { message, root, path } = await loadEmail({ 'message.yaml': emailYaml({ body: 'email.html' }), 'email.html': html, '../../txkit.config.yaml': config });
  const loaded = await loadConfig(root);
  expect(loaded.diagnostics).toEqual([]);
  const diagnostics = await checkCompat(message, loaded.config, () => true);
  return { diagnostics: diagnostics.filter((diagnostic) => diagnostic.ruleId === rule), file: path('email.html') };
}

const page = (body: string, head = '') => `<!doctype html>\n<html lang="en">\n<head><title>T</title>${head}</head>\n<body>\n${body}\n</body>\n</html>\n`;

/**
 * caniemail's own published results (the feature pages cited on each case). Each case names a
 * feature the email uses, one client, and what caniemail says about that client.
 */
describe('email/compat agrees with caniemail.com', () => {
  const unsupported: Array<{ feature: string; page: string; client: string; html: string; marker: string; title: string }> = [
    // https://www.caniemail.com/features/css-display-flex/ — Outlook Windows: not supported (2007–2019)
    {
      feature: 'display:flex',
      page: 'css-display-flex',
      client: 'outlook.windows',
      html: page('<div style="display:flex">a</div>'),
      marker: 'display:flex',
      title: 'display:flex',
    },
    // https://www.caniemail.com/features/css-border-radius/ — Outlook Windows: not supported (VML RoundRect instead)
    {
      feature: 'border-radius',
      page: 'css-border-radius',
      client: 'outlook.windows',
      html: page('<table><tr><td style="border-radius:8px">a</td></tr></table>'),
      marker: 'border-radius',
      title: 'border-radius',
    },
    // https://www.caniemail.com/features/css-box-shadow/ — Outlook Windows: not supported
    {
      feature: 'box-shadow',
      page: 'css-box-shadow',
      client: 'outlook.windows',
      html: page('<p style="box-shadow:0 0 4px #000">a</p>'),
      marker: 'box-shadow',
      title: 'box-shadow',
    },
    // https://www.caniemail.com/features/css-background-image/ — Outlook Windows: not supported
    {
      feature: 'background-image',
      page: 'css-background-image',
      client: 'outlook.windows',
      html: page('<td style="background-color:#fff;background-image:url(https://example.com/a.png)">a</td>'),
      marker: 'background-image',
      title: 'background-image',
    },
    // https://www.caniemail.com/features/css-position/ — Gmail desktop webmail: not supported
    {
      feature: 'position',
      page: 'css-position',
      client: 'gmail.desktop-webmail',
      html: page('<div style="position:absolute">a</div>'),
      marker: 'position',
      title: 'position',
    },
    // https://www.caniemail.com/features/css-at-font-face/ — Gmail desktop webmail: not supported
    {
      feature: '@font-face',
      page: 'css-at-font-face',
      client: 'gmail.desktop-webmail',
      html: page('<p>a</p>', '<style>@font-face { font-family: X; src: url(https://example.com/x.woff2); }</style>'),
      marker: '@font-face',
      title: '@font-face',
    },
    // https://www.caniemail.com/features/css-at-media-prefers-color-scheme/ — Gmail desktop webmail: not supported
    {
      feature: 'prefers-color-scheme',
      page: 'css-at-media-prefers-color-scheme',
      client: 'gmail.desktop-webmail',
      html: page('<p class="a">a</p>', '<style>@media (prefers-color-scheme: dark) { .a { color: #fff; } }</style>'),
      marker: '@media (prefers-color-scheme',
      title: '@media (prefers-color-scheme)',
    },
    // https://www.caniemail.com/features/css-at-media/ — Outlook Windows 2007–2019: not supported
    {
      feature: '@media',
      page: 'css-at-media',
      client: 'outlook.windows',
      html: page('<p class="a">a</p>', '<style>@media (max-width: 600px) { .a { color: #fff; } }</style>'),
      marker: '@media (max-width',
      title: '@media',
    },
    // https://www.caniemail.com/features/html-svg/ — Gmail desktop webmail: not supported (the element is removed)
    {
      feature: '<svg>',
      page: 'html-svg',
      client: 'gmail.desktop-webmail',
      html: page('<svg width="10" height="10"><rect width="10" height="10"/></svg>'),
      marker: '<svg',
      title: 'Embedded <svg> image',
    },
  ];
  for (const fact of unsupported) {
    it(`${fact.feature} is not supported in ${fact.client}, reported where it is written`, async () => {
      const { diagnostics, file } = await compat(fact.html, [fact.client]);
      const finding = diagnostics.find((diagnostic) => diagnostic.hint?.includes(`/features/${fact.page}/`));
      expect(finding).toMatchObject({ severity: 'warning', file, ...positionOf(fact.html, fact.marker) });
      expect(finding!.message).toMatch(new RegExp(`^${fact.title.replace(/[()]/g, '\\$&')} is not supported in `));
    });
  }

  it('<style> is only partly supported in Gmail iOS: not with non-Google accounts (caniemail html-style, notes 1 and 2)', async () => {
    // https://www.caniemail.com/features/html-style/ — Gmail iOS: partial, "Not supported with non Google accounts."
    const html = page('<p class="a">a</p>', '<style>.a { color: #111; }</style>');
    const { diagnostics, file } = await compat(html, ['gmail.ios']);
    const style = diagnostics.find((diagnostic) => diagnostic.hint?.includes('/features/html-style/'));
    expect(style).toMatchObject({ severity: 'info', file, ...positionOf(html, '<style>') });
    expect(style!.message).toContain('Not supported with non Google accounts.');
  });

  it('display:flex is supported in Apple Mail macOS: nothing to report', async () => {
    // https://www.caniemail.com/features/css-display-flex/ — Apple Mail macOS: supported
    const { diagnostics } = await compat(page('<div style="display:flex">a</div>'), ['apple-mail.macos']);
    expect(diagnostics).toEqual([]);
  });

  it('acceptPartial drops partly supported features but keeps unsupported ones', async () => {
    // https://www.caniemail.com/features/html-style/ (Gmail iOS partial) and css-display-flex (Outlook Windows: no)
    const html = page('<div class="a" style="display:flex">a</div>', '<style>.a { color: #111; }</style>');
    const { diagnostics } = await compat(html, ['gmail.ios', 'outlook.windows'], 'email/compat', true);
    expect(diagnostics.some((diagnostic) => diagnostic.hint?.includes('/html-style/'))).toBe(false);
    expect(diagnostics.some((diagnostic) => diagnostic.hint?.includes('/css-display-flex/'))).toBe(true);
  });
});

describe('email/img-format agrees with caniemail.com', () => {
  it('WebP is not shown in Outlook Windows', async () => {
    // https://www.caniemail.com/features/image-webp/ — Outlook Windows 2007–2019: not supported
    const html = page('<img src="https://example.com/a.webp" alt="" width="10" height="10">');
    const { diagnostics, file } = await compat(html, ['outlook.windows'], 'email/img-format');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', file, ...positionOf(html, 'src=') })]);
    expect(diagnostics[0]!.hint).toContain('https://www.caniemail.com/features/image-webp/');
  });

  it('SVG images: Outlook Windows 2016 does not show them, 2019 does (a version floor checks both)', async () => {
    // https://www.caniemail.com/features/image-svg/ — Outlook Windows 2007–2016: not supported; 2019: supported
    const html = page('<img src="https://example.com/logo.svg" alt="" width="10" height="10">');
    expect((await compat(html, ['outlook.windows 2019'], 'email/img-format')).diagnostics).toEqual([]);
    const { diagnostics } = await compat(html, ['outlook.windows >= 2016'], 'email/img-format');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toContain('not supported in Outlook Windows 2016');
  });
});

describe('email.clients', () => {
  it('an unknown client is an error naming the entry', async () => {
    const { diagnostics } = await compat(page('<p>a</p>'), ['outlok.windows']);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringContaining('"outlok.windows"') })]);
  });
});
