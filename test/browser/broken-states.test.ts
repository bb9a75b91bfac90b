import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { greetingYaml } from '../helpers/temp-workspace.js';
import { emailText, usePreviewOf, sampleEditorText } from './preview-harness.js';

const openPreview = usePreviewOf();

const message = greetingYaml({ liquid: true, emailBody: 'email.mjml' });
// A system font: MJML's default (Ubuntu) links Google Fonts, which this offline machine cannot resolve (a console error that is not the preview's).
const body =
  '<mjml><mj-head><mj-attributes><mj-all font-family="Arial, sans-serif" /></mj-attributes></mj-head><mj-body><mj-section><mj-column><mj-text>Hi {{ customer.first_name }}</mj-text></mj-column></mj-section></mj-body></mjml>\n';
const sample = '{ "customer": { "first_name": "Ada" } }\n';

/** The welcome message with a second sample, "other" (Grace), to switch to. */
const twoSamples = {
  'templates/welcome/message.yaml': message,
  'templates/welcome/email.mjml': body,
  'templates/welcome/samples/basic.json': sample,
  'templates/welcome/samples/other.json': '{ "customer": { "first_name": "Grace" } }\n',
};

it(
  'a message whose message.yaml does not load shows its diagnostic, not "no samples", and renders once fixed (issue 18 item 1)',
  { timeout: 120_000 },
  async () => {
    // A duplicate key: YAML 1.2 requires mapping keys to be unique (https://yaml.org/spec/1.2.2/#mapping).
    const broken = `${message}name: Welcome again\n`;
    const line = broken.trimEnd().split('\n').length;
    const { page, file, errors } = await openPreview(
      { 'templates/welcome/message.yaml': broken, 'templates/welcome/email.mjml': body, 'templates/welcome/samples/basic.json': sample },
      '#/welcome',
    );
    await page
      .locator('[data-testid=problems] .diagnostic-error', { hasText: `welcome/message.yaml:${line}:1` })
      .first()
      .waitFor();
    const editorNote = page.locator('.editor-empty');
    await expect(editorNote.innerText()).resolves.toContain('message.yaml does not load');
    await expect(editorNote.innerText()).resolves.not.toContain('no samples');

    await writeFile(file('welcome/message.yaml'), message);
    await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('Hi Ada');
    await expect.poll(() => sampleEditorText(page), { timeout: 10_000 }).toBe(await readFile(file('welcome/samples/basic.json'), 'utf8'));
    await expect(page.locator('.editor-empty').isVisible()).resolves.toBe(false);
    expect(errors).toEqual([]);
  },
);

it(
  'deleting the viewed message says so, offers the others, and shows it again when restored, with no page error (issue 18 item 1)',
  { timeout: 120_000 },
  async () => {
    const files = { 'templates/welcome/message.yaml': message, 'templates/welcome/email.mjml': body, 'templates/welcome/samples/basic.json': sample };
    const { page, file, errors } = await openPreview(
      { ...files, 'templates/goodbye/message.yaml': message.replace('Welcome', 'Goodbye'), 'templates/goodbye/email.mjml': body },
      '#/welcome',
    );
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
  },
);

it(
  'switching sample while the template is broken keeps the last good render under the banner, and renders the new sample once fixed (issue 18 item 1)',
  { timeout: 120_000 },
  async () => {
    const { page, file, errors } = await openPreview(twoSamples, '#/welcome?sample=basic');
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
  },
);

it(
  'a sample whose JSON breaks on disk stays picked, with its error in Problems and in the editor, over the last good render; fixing it in the editor renders it (issue 18 item 1)',
  { timeout: 120_000 },
  async () => {
    const { page, file, errors } = await openPreview(twoSamples, '#/welcome?sample=basic');
    await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('Hi Ada');

    // The comma after "Ada" is missing: the parser stops at the second key, line 2 column 28.
    const broken = '{ "customer": {\n  "first_name": "Ada"  "last_name": "Lovelace" } }\n';
    await writeFile(file('welcome/samples/basic.json'), broken);
    const location = 'welcome/samples/basic.json:2:';
    await page.locator('[data-testid=problems] .diagnostic-error', { hasText: location }).first().waitFor({ timeout: 10_000 });
    await expect(page.locator('[data-testid=sample-select]').inputValue()).resolves.toBe('basic');
    await expect(page.locator('[data-testid=sample-select] option').allInnerTexts()).resolves.toEqual(['basic', 'other']);
    await page.locator('[data-testid=stale-banner]').waitFor({ state: 'visible' });
    expect(await emailText(page)).toContain('Hi Ada');
    const editor = page.locator('[data-testid=sample-editor]');
    await expect.poll(() => sampleEditorText(page), { timeout: 10_000 }).toBe(broken);
    await expect
      .poll(() => page.locator('[data-testid=sample-problems] .editor-problem-position').allInnerTexts())
      .toEqual([expect.stringMatching(/^line 2, column \d+$/)]);
    await expect(page.locator('[data-testid=sample-file]').innerText()).resolves.toBe('welcome/samples/basic.json');

    // Fixed from the editor: saved, rendered, the banner gone.
    await editor.fill('{ "customer": { "first_name": "Lin" } }\n');
    await page.click('[data-testid=sample-save]');
    await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('Hi Lin');
    await page.locator('[data-testid=stale-banner]').waitFor({ state: 'hidden' });
    await expect(page.locator('[data-testid=sample-problems] li').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  },
);

it(
  'a sample that is broken when the page opens is picked and editable, with a message instead of a blank frame (issue 18 item 1)',
  { timeout: 120_000 },
  async () => {
    const broken = '{ "customer": { "first_name": "Ada", } }\n';
    const { page, errors } = await openPreview(
      {
        'templates/welcome/message.yaml': message,
        'templates/welcome/email.mjml': body,
        'templates/welcome/samples/basic.json': broken,
        'templates/welcome/samples/other.json': sample,
      },
      '#/welcome?sample=basic',
    );
    await page.locator('[data-testid=stage]', { hasText: 'This sample does not load' }).waitFor({ timeout: 10_000 });
    await expect(page.locator('[data-testid=sample-select]').inputValue()).resolves.toBe('basic');
    await expect.poll(() => sampleEditorText(page), { timeout: 10_000 }).toBe(broken);
    await expect(page.locator('[data-testid=stage]').innerText()).resolves.not.toContain('0 B');
    expect(errors).toEqual([]);
  },
);

it(
  'invalid MJML keeps the last good render under the banner with the MJML diagnostic, and renders once fixed (issue 18 item 1)',
  { timeout: 120_000 },
  async () => {
    const { page, file, errors } = await openPreview(
      { 'templates/welcome/message.yaml': message, 'templates/welcome/email.mjml': body, 'templates/welcome/samples/basic.json': sample },
      '#/welcome',
    );
    await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('Hi Ada');
    // mj-text straight in mj-section (no mj-column): mjml compiles it, mangled, and reports it.
    await writeFile(file('welcome/email.mjml'), body.replace('<mj-column>', '').replace('</mj-column>', '').replace('Hi ', 'Hello '));
    const banner = page.locator('[data-testid=stale-banner]');
    await banner.waitFor({ state: 'visible', timeout: 10_000 });
    await page.locator('[data-testid=problems] .diagnostic-error[data-rule="syntax/mjml"]', { hasText: 'welcome/email.mjml:1:' }).first().waitFor();
    expect(await emailText(page)).toContain('Hi Ada');

    await writeFile(file('welcome/email.mjml'), body.replace('Hi ', 'Hello '));
    await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('Hello Ada');
    await banner.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
  },
);
