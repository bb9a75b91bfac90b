import { readdir, readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emailText, screenshot, startHarness, type PreviewHarness, sampleEditorText } from './preview-harness.js';

// Saves change the samples on disk: each test gets its own copy of the examples, preview server and browser.
let harness: PreviewHarness;

beforeEach(async () => {
  harness = await startHarness();
});

afterEach(async () => {
  await harness?.close();
});

/** What V8's JSON.parse says about `text`: the message the editor must show. */
function parserMessage(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected invalid JSON');
}

describe('txkit dev: sample editor', () => {
  it('refuses invalid JSON with the parser message and position, leaving the file untouched', async () => {
    const file = harness.file('order-confirmation/samples/standard.json');
    const before = await readFile(file);
    const page = await harness.openPage('#/order-confirmation?sample=standard');
    // A refused save is an answer, not a failure: nothing in the console (issue 18 item 1).
    const consoleErrors: string[] = [];
    page.on('console', (entry) => {
      if (entry.type() === 'error') consoleErrors.push(entry.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    const editor = page.locator('[data-testid=sample-editor]');
    await expect.poll(() => sampleEditorText(page)).toBe(before.toString('utf8'));

    // Drop the comma after the first name: line 3 ends without one, line 4 starts a new key.
    const broken = before.toString('utf8').replace('"first_name": "Ada",', '"first_name": "Ada"');
    expect(broken).not.toBe(before.toString('utf8'));
    const lines = broken.split('\n');
    const line = lines.findIndex((text) => text.includes('"email"')) + 1;
    const column = lines[line - 1]!.indexOf('"email"') + 1;
    // V8: "Expected ',' or '}' after property value in JSON at position N (line L column C)".
    const reason = parserMessage(broken).replace(/ in JSON at position.*$/, '');

    await editor.fill(broken);
    await page.click('[data-testid=sample-save]');
    await page.locator('[data-testid=sample-status]', { hasText: 'Not saved' }).waitFor();
    const problem = page.locator('[data-testid=sample-problems] .editor-problem');
    await expect(problem.locator('.editor-problem-message').innerText()).resolves.toContain(reason);
    await expect(problem.locator('.editor-problem-position').innerText()).resolves.toBe(`line ${line}, column ${column}`);
    // Inline too: the refused position is marked in the code editor, with a marker in its gutter.
    await page.locator('[data-testid=sample-editor] .cm-lintRange-error').first().waitFor();
    await page.locator('.cm-gutter-lint .cm-lint-marker-error').first().waitFor();
    await screenshot(page, 'sample-editor-invalid-json');

    await expect(readFile(file)).resolves.toEqual(before);
    const leftovers = (await readdir(harness.file('order-confirmation/samples'))).filter((name) => name.startsWith('.'));
    expect(leftovers).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('shows a warning about the sample as a warning, inline and in its list, not as an error', async () => {
    // shipping-update/samples/cyrillic-name.json: "Дмитрий" forces UCS-2, which sms/encoding reports as a warning (README rule table).
    const page = await harness.openPage('#/shipping-update?sample=cyrillic-name&channel=sms');
    const problem = page.locator('[data-testid=sample-problems] .editor-problem');
    await expect.poll(() => problem.getAttribute('data-severity'), { timeout: 10_000 }).toBe('warning');
    await expect(problem.locator('.editor-problem-message').innerText()).resolves.toContain('force UCS-2');
    await page.locator('[data-testid=sample-editor] .cm-lintRange-warning').first().waitFor();
    await expect(page.locator('[data-testid=sample-editor] .cm-lintRange-error').count()).resolves.toBe(0);
    // Drawn in the Problems panel's warning colour, not its error colour.
    const colour = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => element.ownerDocument.defaultView!.getComputedStyle(element).color);
    await expect(colour('[data-testid=sample-problems] .editor-problem')).resolves.toBe(await colour('[data-testid=problems-summary] .summary-warning'));
    await page.close();
  });

  it('writes a valid sample to its file and the preview re-renders with it', async () => {
    const file = harness.file('order-confirmation/samples/standard.json');
    const original = await readFile(file, 'utf8');
    const page = await harness.openPage('#/order-confirmation?sample=standard');
    const editor = page.locator('[data-testid=sample-editor]');
    await expect.poll(() => sampleEditorText(page)).toBe(original);
    const edited = original.replace('"first_name": "Ada"', '"first_name": "Grace"');
    expect(edited).not.toBe(original);

    await editor.fill(edited);
    await editor.press('Control+s');
    await page.locator('[data-testid=sample-status]', { hasText: 'Saved' }).waitFor();
    await expect(readFile(file, 'utf8')).resolves.toBe(edited);
    await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('Thanks for your order, Grace!');
    await page.close();
  });

  it('only writes existing samples/*.json of a message, as JSON from the same origin', async () => {
    const api = `${harness.server.url}__txkit/api/messages`;
    const sample = await readFile(harness.file('order-confirmation/samples/standard.json'), 'utf8');
    const post = (path: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
      fetch(`${api}/${path}`, { method: 'POST', headers, body: sample });

    await expect(post('order-confirmation/samples/..%2F..%2Fpassword-reset%2Fsamples%2Fstandard').then((response) => response.status)).resolves.toBe(404);
    await expect(post('order-confirmation/samples/not-there').then((response) => response.status)).resolves.toBe(404);
    await expect(post('no-such-message/samples/standard').then((response) => response.status)).resolves.toBe(404);
    await expect(post('order-confirmation/samples/standard', { 'Content-Type': 'text/plain' }).then((response) => response.status)).resolves.toBe(415);
    await expect(
      post('order-confirmation/samples/standard', { 'Content-Type': 'application/json', Origin: 'https://attacker.example' }).then(
        (response) => response.status,
      ),
    ).resolves.toBe(403);
    await expect(post('order-confirmation/samples/standard').then((response) => response.status)).resolves.toBe(200);
  });
});
