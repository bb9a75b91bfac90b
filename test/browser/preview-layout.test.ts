import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailText, screenshot, startHarness, type PreviewHarness } from './preview-harness.js';

let harness: PreviewHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

/** How many px of the email frame are on screen: its box cut to the stage, the scrolling area it sits in. */
function visibleFrameHeight(page: Page): Promise<number> {
  // Page code as text: this file is type-checked for Node.
  return page.evaluate(`(() => {
    const frame = document.querySelector('[data-testid=email-frame]').getBoundingClientRect();
    const stage = document.querySelector('[data-testid=stage]').getBoundingClientRect();
    return Math.min(frame.bottom, stage.bottom, innerHeight) - Math.max(frame.top, stage.top, 0);
  })()`);
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const box = (locator: Locator): Promise<Box> => locator.evaluate((element) => element.getBoundingClientRect().toJSON());
const valueNow = async (separator: Locator) => Number(await separator.getAttribute('aria-valuenow'));

describe('txkit dev: layout', () => {
  it('gives the email at least 500 px of height at 1024×768 in the default layout', async () => {
    const page = await harness.openPage('#/order-confirmation?sample=standard', { width: 1024, height: 768 });
    await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('View your order');
    await expect.poll(() => visibleFrameHeight(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(500);
    // The problems are still counted on screen, in the checks bar: 4 compatibility warnings of email.mjml, and beside
    // them the same 4 of email.fr.mjml, French's.
    await expect(page.locator('[data-testid=problems-summary]').innerText()).resolves.toContain('4 warnings');
    await expect(page.locator('[data-testid=other-languages]').isVisible()).resolves.toBe(true);
    await screenshot(page, 'layout-1024');
    await page.close();
  });

  it('keeps the message title readable beside the channel tabs and the pickers inside the column at 1024×768', async () => {
    // order-confirmation in French: a title, the engine chip, a description, three channel tabs and two pickers on one row.
    const page = await harness.openPage('#/order-confirmation?language=fr', { width: 1024, height: 768 });
    await expect.poll(() => page.inputValue('[data-testid=language-select]')).toBe('fr');
    const title = page.locator('[data-testid=message-title]');
    const [header, heading, titleBox, tabs, language, sample] = await Promise.all([
      box(page.locator('.message-header')),
      box(page.locator('.message-heading')),
      box(title),
      box(page.locator('[role=tablist][aria-label=Channel]')),
      box(page.locator('[data-testid=language-select]')),
      box(page.locator('[data-testid=sample-select]')),
    ]);
    // A few words of the title (cut with an ellipsis; its tooltip has it in full), and nothing of the heading under the tabs.
    expect(titleBox.width).toBeGreaterThanOrEqual(72);
    expect(heading.x + heading.width).toBeLessThanOrEqual(tabs.x);
    await expect(title.getAttribute('title')).resolves.toBe('Order confirmation');
    // Both pickers whole, inside the header, on the title's row.
    for (const picker of [language, sample]) {
      expect(picker.x + picker.width).toBeLessThanOrEqual(header.x + header.width);
      expect(picker.y).toBeLessThan(titleBox.y + titleBox.height);
    }
    await screenshot(page, 'header-1024');
    await page.close();
  });

  it('shows the WhatsApp lengths beside the phone at 1024×768, not under it below the fold', async () => {
    const page = await harness.openPage('#/shipping-update?channel=whatsapp', { width: 1024, height: 768 });
    await page.locator('[data-testid=whatsapp-bubble]').waitFor({ timeout: 10_000 });
    const [stage, phone, details] = await Promise.all([
      box(page.locator('[data-testid=stage]')),
      box(page.locator('.whatsapp-pane .phone')),
      box(page.locator('.whatsapp-pane .sms-details')),
    ]);
    expect(details.x).toBeGreaterThanOrEqual(phone.x + phone.width);
    expect(details.y).toBeLessThan(phone.y + phone.height);
    expect(details.x + details.width).toBeLessThanOrEqual(stage.x + stage.width);
    await page.close();
  });

  it('sizes the problems panel to its 3 problems at 1440×900, well under 300 px', async () => {
    // appointment-reminder's email.html has 3 compatibility warnings.
    const page = await harness.openPage('#/appointment-reminder?sample=standard');
    const list = page.locator('[data-testid=problems]');
    await expect.poll(() => list.locator('.diagnostic').count(), { timeout: 10_000 }).toBe(3);
    const dock = page.locator('[data-testid=dock]');
    const height = (await box(dock)).height;
    expect(height).toBeLessThan(300);
    // Sized to the content: every problem is visible without scrolling.
    const panels = page.locator('.dock-panels');
    await expect(panels.evaluate((element) => element.scrollHeight - element.clientHeight)).resolves.toBeLessThanOrEqual(1);
    // … and no taller than they are: no empty space under the last one.
    const listHeight = (await box(list)).height;
    expect((await box(panels)).height).toBeLessThanOrEqual(listHeight + 2);
    await page.close();
  });

  it('resizes the sidebar, the sample data panel and the problems panel from the keyboard and by dragging, and remembers it', async () => {
    const page = await harness.openPage('#/order-confirmation?sample=standard');
    await page.locator('[data-testid=problems] .diagnostic').first().waitFor({ timeout: 10_000 });
    const sidebar = page.locator('[data-panel=sidebar]');
    const sidebarSeparator = page.locator('[role=separator][data-testid=sidebar-separator]');
    await expect(sidebarSeparator.getAttribute('aria-orientation')).resolves.toBe('vertical');
    const before = (await box(sidebar)).width;
    expect(await valueNow(sidebarSeparator)).toBe(Math.round(before));

    await sidebarSeparator.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await box(sidebar)).width).toBe(before + 32);
    expect(await valueNow(sidebarSeparator)).toBe(before + 32);
    // The keys resized the panel; they did not move to another message.
    expect(page.url()).toContain('#/order-confirmation?');

    const dock = page.locator('[data-testid=dock]');
    const dockSeparator = page.locator('[role=separator][data-testid=dock-separator]');
    await expect(dockSeparator.getAttribute('aria-orientation')).resolves.toBe('horizontal');
    const dockBefore = (await box(dock)).height;
    // WAI-ARIA APG, Window Splitter pattern (https://www.w3.org/WAI/ARIA/apg/patterns/windowsplitter/):
    // Up Arrow moves a horizontal splitter up, Down Arrow down, as Left / Right move a vertical one.
    // The dock sits below its separator: up grows it, down shrinks it.
    await dockSeparator.focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => Math.round((await box(dock)).height)).toBe(Math.round(dockBefore) + 16);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => Math.round((await box(dock)).height)).toBe(Math.round(dockBefore) - 16);
    expect(await valueNow(dockSeparator)).toBe(Math.round(dockBefore) - 16);
    // ↑/↓ moved the separator; they did not move to another message (what they do elsewhere on the page).
    expect(page.url()).toContain('#/order-confirmation?');

    // Drag the sample data panel's edge 100 px to the left: it grows by 100 px.
    const inspector = page.locator('[data-panel=inspector]');
    const inspectorBefore = (await box(inspector)).width;
    const separatorBox = await box(page.locator('[data-testid=inspector-separator]'));
    const x = separatorBox.x + separatorBox.width / 2;
    const y = separatorBox.y + 300;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x - 50, y, { steps: 5 });
    await page.mouse.move(x - 100, y, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Math.round((await box(inspector)).width)).toBe(Math.round(inspectorBefore) + 100);

    await page.reload();
    await page.locator('[data-testid=message-title]:not(:empty)').waitFor();
    await expect.poll(async () => (await box(sidebar)).width).toBe(before + 32);
    await expect.poll(async () => Math.round((await box(inspector)).width)).toBe(Math.round(inspectorBefore) + 100);
    await expect.poll(async () => Math.round((await box(dock)).height)).toBe(Math.round(dockBefore) - 16);
    await page.close();
  });

  it('collapses and expands each panel with its button or Enter on its separator, and remembers it', async () => {
    const page = await harness.openPage('#/order-confirmation?sample=standard');
    const editor = page.locator('[data-testid=sample-editor]');
    await editor.waitFor();
    const stageWidth = (await box(page.locator('[data-testid=stage]'))).width;

    const toggle = page.locator('[data-testid=inspector-toggle]');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await toggle.click();
    await editor.waitFor({ state: 'hidden' });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect.poll(async () => (await box(page.locator('[data-testid=stage]'))).width).toBeGreaterThan(stageWidth + 250);

    const problems = page.locator('[data-testid=problems]');
    await problems.waitFor();
    await page.locator('[data-testid=dock-separator]').focus();
    await page.keyboard.press('Enter');
    await problems.waitFor({ state: 'hidden' });
    await expect(page.locator('[data-testid=dock-toggle]').getAttribute('aria-expanded')).resolves.toBe('false');

    const list = page.locator('[data-testid=message-list]');
    await page.click('[data-testid=sidebar-toggle]');
    await list.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await box(page.locator('[data-panel=sidebar]'))).width).toBeLessThan(50);

    await page.reload();
    await page.locator('[data-testid=message-title]:not(:empty)').waitFor();
    await expect(editor.isHidden()).resolves.toBe(true);
    await expect(problems.isHidden()).resolves.toBe(true);
    await expect(list.isHidden()).resolves.toBe(true);
    // Collapsed, the message list still answers ↑/↓.
    await page.locator('[data-testid=stage]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('[data-testid=message-title]').innerText()).toBe('Password reset');
    await screenshot(page, 'layout-collapsed');

    // Picking a checks tab opens the panel again; the sample data panel comes back with its button.
    await page.click('[role=tab]:has-text("Problems")');
    await problems.waitFor();
    await toggle.click();
    await editor.waitFor();
    await page.click('[data-testid=sidebar-toggle]');
    await list.waitFor();
    await page.close();
  });
});
