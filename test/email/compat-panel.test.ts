import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type PreviewHarness } from '../browser/preview-harness.js';
import { positionOf } from '../helpers/text-position.js';

let harness: PreviewHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

describe('txkit dev: Compatibility panel', () => {
  it('shows the email’s findings × clients, each linked to its source line, and their count in the toolbar', async () => {
    // order-confirmation writes white-space:nowrap in its table; caniemail: not supported in Outlook Windows
    // (https://www.caniemail.com/features/css-white-space/).
    const mjml = await readFile(harness.file('order-confirmation/email.mjml'), 'utf8');
    const page = await harness.openPage();
    await page.click('.message-item[data-id="order-confirmation"]');
    await page.locator('[data-testid=message-title]', { hasText: 'Order confirmation' }).waitFor();
    await page.getByRole('tab', { name: /Compatibility/ }).click();
    const panel = page.locator('[data-testid=compat-panel]');
    const row = panel.locator('tbody tr', { hasText: 'white-space' }).first();
    await row.waitFor({ timeout: 15_000 });
    const { line, column } = positionOf(mjml, 'white-space');
    await expect(row.locator('.compat-source').innerText()).resolves.toBe(`order-confirmation/email.mjml:${line}:${column}`);
    const headers = await panel.locator('thead th').allInnerTexts();
    const outlook = headers.indexOf('Outlook Windows 2016');
    expect(outlook).toBeGreaterThan(0);
    await expect(row.locator('th, td').nth(outlook).innerText()).resolves.toBe('✕');
    const rows = await panel.locator('tbody tr').count();
    await expect(page.locator('[data-testid=compat-badge]').innerText()).resolves.toBe(String(rows));
  });
});
