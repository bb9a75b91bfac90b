import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailText, screenshot, startHarness, type PreviewHarness } from './preview-harness.js';
import { positionOf } from '../helpers/text-position.js';

let harness: PreviewHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

async function readJson(relative: string): Promise<{ customer: Record<string, unknown>; trigger: Record<string, unknown> }> {
  return JSON.parse(await readFile(harness.file(relative), 'utf8'));
}

describe('txkit dev: email preview', () => {
  it('shows the chosen message and sample in a sandboxed srcdoc frame, under its inbox line', async () => {
    const page = await harness.openPage();
    await page.click('.message-item[data-id="order-confirmation"]');
    await page.locator('[data-testid=message-title]', { hasText: 'Order confirmation' }).waitFor();
    await page.selectOption('[data-testid=sample-select]', 'long-product-no-name');

    const sample = await readJson('order-confirmation/samples/long-product-no-name.json');
    const items = sample.trigger['items'] as Array<{ name: string }>;
    await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain(items[0]!.name);
    await expect(page.locator('[data-testid=inbox-subject]').innerText()).resolves.toBe(`Order ${String(sample.trigger['order_id'])} confirmed`);
    await expect(page.locator('[data-testid=inbox-from]').innerText()).resolves.toBe('Northwind Supply');

    const frame = page.locator('[data-testid=email-frame]');
    // Links may open a new tab that escapes the sandbox; never scripts, forms or same-origin.
    await expect(frame.getAttribute('sandbox')).resolves.toBe('allow-popups allow-popups-to-escape-sandbox');
    await expect(frame.getAttribute('src')).resolves.toBeNull();
    await expect(frame.getAttribute('srcdoc')).resolves.toContain(String(sample.trigger['order_id']));
    expect(page.url()).toContain('#/order-confirmation?sample=long-product-no-name');
    await screenshot(page, 'email-desktop');
    await page.close();
  });

  it('switches to a phone width, dark mode, HTML source and plain text', async () => {
    const page = await harness.openPage('#/order-confirmation?sample=standard');
    const frame = page.locator('[data-testid=email-frame]');
    await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('View your order');

    await page.selectOption('[data-testid=width-preset]', '375');
    await expect.poll(() => frame.evaluate((element) => element.getBoundingClientRect().width)).toBe(375);
    await page.click('[data-testid=dark-toggle]');
    // order-confirmation has no prefers-color-scheme styles: the inverting simulation applies.
    await expect.poll(() => frame.getAttribute('srcdoc')).toContain('invert(1) hue-rotate(180deg)');
    await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('View your order');
    await screenshot(page, 'email-mobile-dark');

    await page.click('[data-testid=dark-toggle]');
    await page.selectOption('[data-testid=width-preset]', '800');
    await expect.poll(() => frame.evaluate((element) => element.getBoundingClientRect().width)).toBe(800);
    await expect.poll(() => frame.getAttribute('srcdoc')).not.toContain('invert(1)');

    const sample = await readJson('order-confirmation/samples/standard.json');
    await page.click('button[data-value="html"]');
    await expect(page.locator('[data-testid=html-source]').innerText()).resolves.toMatch(/^<!doctype html>/i);
    await page.click('button[data-value="text"]');
    await expect(page.locator('[data-testid=plain-text]').innerText()).resolves.toContain(String(sample.trigger['order_id']));
    await screenshot(page, 'email-plain-text');
    await page.close();
  });

  it('re-renders on save without reloading the page, keeping message, sample, tab and scroll position', async () => {
    const page = await harness.openPage('#/order-confirmation?sample=long-product-no-name&tab=preview');
    await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('View your order');
    // A full page reload would lose this (page code as text: this file is type-checked for Node).
    await page.evaluate("window.previewSession = 'still here'");
    const stage = page.locator('[data-testid=stage]');
    await stage.evaluate((element) => element.scrollTo(0, 120));
    const scrollBefore = await stage.evaluate((element) => element.scrollTop);
    expect(scrollBefore).toBeGreaterThan(0);

    const template = harness.file('order-confirmation/email.mjml');
    const original = await readFile(template, 'utf8');
    try {
      await writeFile(template, original.replace("We'll email you again when it ships.", 'Edited on disk: marker 4711.'));
      await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('Edited on disk: marker 4711.');

      await expect(page.evaluate('window.previewSession')).resolves.toBe('still here');
      await expect(page.inputValue('[data-testid=sample-select]')).resolves.toBe('long-product-no-name');
      expect(page.url()).toContain('#/order-confirmation?sample=long-product-no-name&language=en&channel=email&tab=preview');
      await expect(stage.evaluate((element) => element.scrollTop)).resolves.toBe(scrollBefore);
    } finally {
      await writeFile(template, original);
    }
    await page.close();
  });

  it('shows a broken save as a problem at its file:line:col while keeping the last good render, then recovers', async () => {
    const page = await harness.openPage('#/appointment-reminder?sample=standard');
    const sample = await readJson('appointment-reminder/samples/standard.json');
    const greeting = `See you tomorrow, ${String(sample.customer['first_name'])}`;
    await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain(greeting);

    const template = harness.file('appointment-reminder/email.html');
    const original = await readFile(template, 'utf8');
    const broken = original.replace('See you tomorrow, {{ customer.first_name }}', 'See you tomorrow, {% if customer.first_name %}{{ customer.first_name }}');
    expect(broken).not.toBe(original);
    const { line, column } = positionOf(broken, '{% if customer.first_name %}');
    const problem = page.locator('[data-testid=problems] .diagnostic-error[data-rule="syntax/liquid"]', {
      hasText: `appointment-reminder/email.html:${line}:${column}`,
    });
    try {
      await writeFile(template, broken);
      await problem.first().waitFor({ timeout: 10_000 });
      await page.locator('[data-testid=stale-banner]').waitFor({ state: 'visible' });
      expect(await emailText(page)).toContain(greeting);
      await expect(page.locator('.message-item[data-id="appointment-reminder"] [data-testid=error-count]').count()).resolves.toBe(1);
      await screenshot(page, 'email-broken-save');
    } finally {
      await writeFile(template, original);
    }
    await problem.first().waitFor({ state: 'detached', timeout: 10_000 });
    await page.locator('[data-testid=stale-banner]').waitFor({ state: 'hidden' });
    await expect.poll(() => emailText(page)).toContain(greeting);
    await page.close();
  });

  it('marks a message whose message.yaml stops loading, keeping its last good render, until it is fixed', async () => {
    const page = await harness.openPage('#/password-reset?sample=standard');
    const sample = await readJson('password-reset/samples/standard.json');
    await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain(String(sample.customer['first_name']));
    const shown = await emailText(page);
    const definition = harness.file('password-reset/message.yaml');
    const original = await readFile(definition, 'utf8');
    const broken = `${original.trimEnd()}\nname: Password reset again\n`;
    const line = broken.trimEnd().split('\n').length;
    const problem = page.locator('[data-testid=problems] .diagnostic-error', { hasText: `password-reset/message.yaml:${line}:1` });
    try {
      await writeFile(definition, broken);
      await page.locator('.message-item.is-broken[data-id="password-reset"]').waitFor({ timeout: 10_000 });
      await problem.first().waitFor();
      await page.locator('[data-testid=stale-banner]').waitFor({ state: 'visible' });
      expect(await emailText(page)).toBe(shown);
      await screenshot(page, 'message-yaml-broken');
    } finally {
      await writeFile(definition, original);
    }
    await page.locator('.message-item[data-id="password-reset"]:not(.is-broken)').waitFor({ timeout: 10_000 });
    await problem.first().waitFor({ state: 'detached' });
    await page.locator('[data-testid=stale-banner]').waitFor({ state: 'hidden' });
    await page.close();
  });

  it('re-renders the MJML messages that include a partial from _partials/ when it is saved', async () => {
    const page = await harness.openPage('#/order-confirmation?sample=standard');
    await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('Northwind Supply');
    const partial = harness.file('_partials/footer.mjml');
    const original = await readFile(partial, 'utf8');
    try {
      await writeFile(partial, original.replace('Questions? Reply', 'Footer marker 0815. Questions? Reply'));
      await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('Footer marker 0815.');
      await page.click('.message-item[data-id="password-reset"]');
      await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('Footer marker 0815.');
    } finally {
      await writeFile(partial, original);
    }
    await expect.poll(() => emailText(page), { timeout: 10_000 }).not.toContain('Footer marker 0815.');
    await page.close();
  });

  it('lists a message folder as soon as it is created, and drops it when it is deleted', async () => {
    const page = await harness.openPage();
    const item = page.locator('.message-item[data-id="delivery-delay"]');
    await expect(item.count()).resolves.toBe(0);
    await cp(harness.file('shipping-update'), harness.file('delivery-delay'), { recursive: true });
    const definition = await readFile(harness.file('delivery-delay/message.yaml'), 'utf8');
    await writeFile(harness.file('delivery-delay/message.yaml'), definition.replace('name: Shipping update', 'name: Delivery delay'));
    // It may first appear under the copied name, then take the new one.
    await item.locator('.message-name', { hasText: 'Delivery delay' }).waitFor({ timeout: 10_000 });
    await rm(harness.file('delivery-delay'), { recursive: true });
    await item.waitFor({ state: 'detached', timeout: 10_000 });
    await page.close();
  });
});
