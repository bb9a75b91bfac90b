import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';
import { startPreviewServer } from '../../src/preview/index.js';
import { loadConfig } from '../../src/workspace/index.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { launchChromium } from './chromium.js';
import { emailText } from './preview-harness.js';

const makeTempDir = useTempDirs();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const message = `name: Welcome
engine: liquid
email:
  subject: "Hello {{ customer.first_name }}"
  from: "Shop <shop@example.com>"
  body: email.mjml
attributes:
  customer:
    first_name: { type: string, required: true }
`;
// A system font: MJML's default (Ubuntu) links Google Fonts, which this offline machine cannot resolve (a console error that is not the preview's).
const body = '<mjml><mj-head><mj-attributes><mj-all font-family="Arial, sans-serif" /></mj-attributes></mj-head><mj-body><mj-section><mj-column><mj-text>Hi {{ customer.first_name }}</mj-text></mj-column></mj-section></mj-body></mjml>\n';
const sample = '{ "customer": { "first_name": "Ada" } }\n';

/** Serves a fresh workspace holding `files` and opens it in Chromium, recording every uncaught page error and console error. */
async function openPreview(files: Record<string, string>, hash: string): Promise<{ page: Page; file: (relative: string) => string; errors: string[] }> {
  const project = await makeTempDir(files);
  const { config } = await loadConfig(project.root);
  const server = await startPreviewServer({ config, port: 0, logLevel: 'silent' });
  cleanups.push(() => server.close());
  const browser = await launchChromium();
  cleanups.push(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (entry) => {
    if (entry.type() === 'error') errors.push(`console: ${entry.text()}`);
  });
  await page.goto(server.url + hash);
  await page.locator('[data-testid=message-title]:not(:empty)').waitFor();
  return { page, file: (relative) => project.path(`templates/${relative}`), errors };
}

it('a message whose message.yaml does not load shows its diagnostic, not "no samples", and renders once fixed (issue 18 item 1)', { timeout: 120_000 }, async () => {
  // A duplicate key: YAML 1.2 requires mapping keys to be unique (https://yaml.org/spec/1.2.2/#mapping).
  const broken = `${message}name: Welcome again\n`;
  const line = broken.trimEnd().split('\n').length;
  const { page, file, errors } = await openPreview(
    { 'templates/welcome/message.yaml': broken, 'templates/welcome/email.mjml': body, 'templates/welcome/samples/basic.json': sample },
    '#/welcome',
  );
  await page.locator('[data-testid=problems] .diagnostic-error', { hasText: `welcome/message.yaml:${line}:1` }).first().waitFor();
  const editorNote = page.locator('.editor-empty');
  await expect(editorNote.innerText()).resolves.toContain('message.yaml does not load');
  await expect(editorNote.innerText()).resolves.not.toContain('no samples');

  await writeFile(file('welcome/message.yaml'), message);
  await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('Hi Ada');
  await expect.poll(() => page.locator('[data-testid=sample-editor]').inputValue(), { timeout: 10_000 }).toBe(await readFile(file('welcome/samples/basic.json'), 'utf8'));
  await expect(page.locator('.editor-empty').isVisible()).resolves.toBe(false);
  expect(errors).toEqual([]);
});

it('deleting the viewed message says so, offers the others, and shows it again when restored, with no page error (issue 18 item 1)', { timeout: 120_000 }, async () => {
  const files = { 'templates/welcome/message.yaml': message, 'templates/welcome/email.mjml': body, 'templates/welcome/samples/basic.json': sample };
  const { page, file, errors } = await openPreview({ ...files, 'templates/goodbye/message.yaml': message.replace('Welcome', 'Goodbye'), 'templates/goodbye/email.mjml': body }, '#/welcome');
  await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('Hi Ada');

  await rm(file('welcome'), { recursive: true });
  await page.locator('[data-testid=stage]', { hasText: 'was deleted' }).waitFor({ timeout: 10_000 });
  await page.locator('.message-item[data-id="goodbye"]').waitFor();
  await expect(page.locator('.message-item[data-id="welcome"]').count()).resolves.toBe(0);

  // Restored (as `git checkout` would): the view comes back on its own.
  await mkdir(file('welcome/samples'), { recursive: true });
  await writeFile(file('welcome/email.mjml'), body);
  await writeFile(file('welcome/samples/basic.json'), sample);
  await writeFile(file('welcome/message.yaml'), message);
  await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('Hi Ada');
  expect(errors).toEqual([]);
});

it('switching sample while the template is broken keeps the last good render under the banner, and renders the new sample once fixed (issue 18 item 1)', { timeout: 120_000 }, async () => {
  const { page, file, errors } = await openPreview(
    {
      'templates/welcome/message.yaml': message,
      'templates/welcome/email.mjml': body,
      'templates/welcome/samples/basic.json': sample,
      'templates/welcome/samples/other.json': '{ "customer": { "first_name": "Grace" } }\n',
    },
    '#/welcome?sample=basic',
  );
  await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('Hi Ada');
  // An unclosed {% if %}: a Liquid syntax error for every sample.
  await writeFile(file('welcome/email.mjml'), body.replace('Hi ', '{% if customer.first_name %}Hi '));
  const banner = page.locator('[data-testid=stale-banner]');
  await banner.waitFor({ state: 'visible', timeout: 10_000 });
  await page.locator('[data-testid=problems] .diagnostic-error', { hasText: 'welcome/email.mjml:1:' }).first().waitFor();

  await page.selectOption('[data-testid=sample-select]', 'other');
  await page.waitForURL(/sample=other/);
  await page.locator('[data-testid=problems] .diagnostic-error', { hasText: 'welcome/email.mjml:1:' }).first().waitFor();
  await expect(banner.isVisible()).resolves.toBe(true);
  expect(await emailText(page)).toContain('Hi Ada');
  await expect(page.locator('[data-testid=stage]').innerText()).resolves.not.toContain('0 B');

  await writeFile(file('welcome/email.mjml'), body);
  await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('Hi Grace');
  await banner.waitFor({ state: 'hidden' });
  expect(errors).toEqual([]);
});
