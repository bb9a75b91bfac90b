import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailText, screenshot, startHarness, type PreviewHarness } from './preview-harness.js';

let harness: PreviewHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

/** The frame's width in CSS px of the email (offsetWidth: before zoom) and on screen (after it). */
function frameWidths(page: Page): Promise<{ css: number; screen: number }> {
  return page
    .locator('[data-testid=email-frame]')
    .evaluate((element) => ({ css: (element as { offsetWidth: number }).offsetWidth, screen: Math.round(element.getBoundingClientRect().width) }));
}

function hashParams(page: Page): URLSearchParams {
  return new URLSearchParams(new URL(page.url()).hash.split('?')[1]);
}

describe('txkit dev: email width and zoom', () => {
  it('takes a preset, a typed width or a drag of the frame edge, and keeps it in the URL hash', async () => {
    const page = await harness.openPage('#/order-confirmation?sample=standard');
    await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('View your order');
    const presets = await page
      .locator('[data-testid=width-preset] option:not([disabled])')
      .evaluateAll((options) => options.map((option) => Number(option.getAttribute('value'))));
    expect(presets).toEqual([320, 375, 414, 600, 800, 1024]);

    await page.selectOption('[data-testid=width-preset]', '414');
    await expect.poll(() => frameWidths(page)).toEqual({ css: 414, screen: 414 });
    await expect.poll(() => hashParams(page).get('width')).toBe('414');

    await page.fill('[data-testid=width-input]', '530');
    await page.press('[data-testid=width-input]', 'Enter');
    await expect.poll(() => frameWidths(page)).toEqual({ css: 530, screen: 530 });
    await expect.poll(() => hashParams(page).get('width')).toBe('530');
    await expect(page.inputValue('[data-testid=width-preset]')).resolves.toBe('');

    // The handle on the frame's right edge: keys, then a drag (the frame is centred: its edge moves half the width change).
    const handle = page.locator('[role=separator][data-testid=width-handle]');
    await handle.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => frameWidths(page)).toEqual({ css: 540, screen: 540 });
    await expect(handle.getAttribute('aria-valuenow')).resolves.toBe('540');
    const edge: { x: number; y: number; width: number } = await handle.evaluate((element) => element.getBoundingClientRect().toJSON());
    await page.mouse.move(edge.x + edge.width / 2, edge.y + 60);
    await page.mouse.down();
    await page.mouse.move(edge.x + edge.width / 2 + 30, edge.y + 60, { steps: 4 });
    await page.mouse.move(edge.x + edge.width / 2 + 50, edge.y + 60, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => frameWidths(page)).toEqual({ css: 640, screen: 640 });
    await expect.poll(() => hashParams(page).get('width')).toBe('640');
    await page.close();
  });

  it('zooms from 50 to 200 % and fits, and a link with width and zoom reproduces the view, dark mode included', async () => {
    const page = await harness.openPage('#/order-confirmation?sample=standard&width=600&zoom=50&dark=1');
    await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('View your order');
    await expect.poll(() => frameWidths(page)).toEqual({ css: 600, screen: 300 });
    await expect(page.inputValue('[data-testid=zoom-select]')).resolves.toBe('50');
    await expect(page.inputValue('[data-testid=width-preset]')).resolves.toBe('600');
    await expect(page.locator('[data-testid=dark-toggle]').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.locator('[data-testid=email-frame]').getAttribute('srcdoc')).resolves.toContain('invert(1) hue-rotate(180deg)');
    // The scroll area follows what is drawn: the zoomed frame's box is half the email's height.
    const heights = await page.locator('[data-testid=email-frame]').evaluate((element) => ({
      css: (element as unknown as { offsetHeight: number }).offsetHeight,
      wrapper: element.closest('.frame-zoom')!.getBoundingClientRect().height,
    }));
    expect(Math.abs(heights.wrapper - heights.css / 2)).toBeLessThanOrEqual(2);
    await screenshot(page, 'width-600-zoom-50-dark');

    await page.selectOption('[data-testid=zoom-select]', '200');
    await expect.poll(() => frameWidths(page)).toEqual({ css: 600, screen: 1200 });
    await expect.poll(() => hashParams(page).get('zoom')).toBe('200');

    // Fit: 1024 px does not fit the stage at 1440×900 with both side panels open, so it is scaled down to the stage.
    await page.selectOption('[data-testid=width-preset]', '1024');
    await page.selectOption('[data-testid=zoom-select]', 'fit');
    const stageWidth = await page.locator('[data-testid=stage]').evaluate((element) => element.clientWidth);
    await expect.poll(async () => (await frameWidths(page)).screen).toBeLessThan(stageWidth);
    expect((await frameWidths(page)).css).toBe(1024);
    await expect.poll(() => hashParams(page).get('zoom')).toBe('fit');
    // A width that fits is never enlarged.
    await page.selectOption('[data-testid=width-preset]', '375');
    await expect.poll(() => frameWidths(page)).toEqual({ css: 375, screen: 375 });
    await page.close();
  });

  it('reads the desktop and mobile widths of older links', async () => {
    const page = await harness.openPage('#/order-confirmation?sample=standard&width=mobile');
    await expect.poll(() => frameWidths(page), { timeout: 10_000 }).toEqual({ css: 375, screen: 375 });
    await page.close();
  });
});
