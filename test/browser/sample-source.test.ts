import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { greetingYaml } from '../helpers/temp-workspace.js';
import { emailText, usePreviewOf, sampleEditorText } from './preview-harness.js';

const openPreview = usePreviewOf();

const message = greetingYaml();
const files = {
  'templates/welcome/message.yaml': message,
  'templates/welcome/email.html': '<!doctype html><html lang="en"><head><title>Hi</title></head><body><p>Hi {{ customer.first_name }}</p></body></html>\n',
  'templates/welcome/samples/basic.json': '{ "customer": { "first_name": "Ada" } }\n',
};

it('keeps an unsaved sample edit across a reload, until it is saved (issue 18 item 4)', { timeout: 120_000 }, async () => {
  const { page, file, errors } = await openPreview(files, '#/welcome?sample=basic');
  const editor = page.locator('[data-testid=sample-editor]');
  await expect.poll(() => sampleEditorText(page)).toBe(files['templates/welcome/samples/basic.json']);
  const draft = '{ "customer": { "first_name": "Grace" } }\n';
  await editor.fill(draft);
  await page.locator('[data-testid=sample-status]', { hasText: 'Unsaved changes' }).waitFor();

  await page.reload();
  await expect.poll(() => sampleEditorText(page), { timeout: 10_000 }).toBe(draft);
  await page.locator('[data-testid=sample-status]', { hasText: 'Unsaved changes' }).waitFor();
  await expect(page.locator('[data-testid=sample-file]').innerText()).resolves.toBe('welcome/samples/basic.json');

  await editor.press('Control+s');
  await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('Hi Grace');
  await expect(readFile(file('welcome/samples/basic.json'), 'utf8')).resolves.toBe(draft);
  // Saved: the draft is gone, a reload shows the file as it is.
  await page.reload();
  await expect.poll(() => sampleEditorText(page), { timeout: 10_000 }).toBe(draft);
  await expect(page.locator('[data-testid=sample-save]').isDisabled()).resolves.toBe(true);
  expect(errors).toEqual([]);
});

it(
  'New sample creates samples/<name>.json from the sample on screen and shows it; names and existing files are refused (issue 18 item 4)',
  { timeout: 120_000 },
  async () => {
    const { page, server, file, errors } = await openPreview(files, '#/welcome?sample=basic');
    const editor = page.locator('[data-testid=sample-editor]');
    await expect.poll(() => sampleEditorText(page)).toBe(files['templates/welcome/samples/basic.json']);
    await editor.fill('{ "customer": { "first_name": "Lin" } }\n');

    await page.click('[data-testid=new-sample]');
    await page.fill('[data-testid=new-sample-name]', 'second');
    await page.click('[data-testid=new-sample-create]');
    await page.waitForURL(/sample=second/, { timeout: 10_000 });
    await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('Hi Lin');
    await expect(readFile(file('welcome/samples/second.json'), 'utf8')).resolves.toBe('{ "customer": { "first_name": "Lin" } }\n');
    await expect(page.locator('[data-testid=sample-select] option').allInnerTexts()).resolves.toEqual(['basic', 'second']);
    await expect(page.locator('[data-testid=sample-file]').innerText()).resolves.toBe('welcome/samples/second.json');

    // Through the API: an existing sample, a path, and a cross-origin request are refused.
    const put = (name: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}__txkit/api/messages/welcome/samples/${name}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: '{}',
      }).then((response) => response.status);
    await expect(put('basic')).resolves.toBe(409);
    await expect(put('..%2F..%2Fescape')).resolves.toBe(409);
    await expect(put('third', { Origin: 'http://127.0.0.1:1' })).resolves.toBe(403);
    await expect(readFile(file('welcome/samples/basic.json'), 'utf8')).resolves.toBe(files['templates/welcome/samples/basic.json']);
    expect(errors).toEqual([]);
  },
);

it(
  'shows the rendered HTML and the template files read-only with line numbers and highlighting, each with Copy (issue 18 item 4)',
  { timeout: 120_000 },
  async () => {
    const { page, server, errors } = await openPreview(files, '#/welcome?sample=basic&tab=html');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const rendered = page.locator('[data-testid=html-source]');
    await expect.poll(() => rendered.innerText(), { timeout: 10_000 }).toMatch(/^<!doctype html>/i);
    await expect(rendered.innerText()).resolves.toContain('<p>Hi Ada</p>');
    // Line numbers in a gutter, tags highlighted in their own spans.
    await expect(page.locator('.code-panel .cm-lineNumbers .cm-gutterElement', { hasText: /^1$/ }).count()).resolves.toBeGreaterThan(0);
    await expect(rendered.locator('span', { hasText: /^p$/ }).count()).resolves.toBeGreaterThan(0);
    await page.click('[data-testid=html-source-copy]');
    await expect.poll(() => page.evaluate('navigator.clipboard.readText()')).toContain('<p>Hi Ada</p>');

    await page.getByRole('tab', { name: 'Template source' }).click();
    const source = page.locator('[data-testid=template-source]');
    await expect
      .poll(() => page.locator('[data-testid=source-file] option').allInnerTexts(), { timeout: 10_000 })
      .toEqual(['welcome/message.yaml', 'welcome/email.html']);
    await expect.poll(async () => (await source.innerText()).trimEnd(), { timeout: 10_000 }).toBe(message.trimEnd());
    await page.selectOption('[data-testid=source-file]', 'welcome/email.html');
    await expect.poll(() => source.innerText()).toContain('<p>Hi {{ customer.first_name }}</p>');
    await page.click('[data-testid=template-source-copy]');
    await expect.poll(() => page.evaluate('navigator.clipboard.readText()')).toBe(files['templates/welcome/email.html']);

    // The route reads the message's own template files only.
    const answer = (await (await fetch(`${server.url}__txkit/api/messages/welcome/sources`)).json()) as { files: Array<{ relativeFile: string }> };
    expect(answer.files.map((file) => file.relativeFile)).toEqual(['welcome/message.yaml', 'welcome/email.html']);
    await expect(
      fetch(`${server.url}__txkit/api/messages/welcome/sources`, { headers: { Origin: 'http://127.0.0.1:1' } }).then((response) => response.status),
    ).resolves.toBe(403);
    expect(errors).toEqual([]);
  },
);
