import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type PreviewHarness } from './preview-harness.js';

let harness: PreviewHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

const title = (page: Page) => page.locator('[data-testid=message-title]').innerText();
const listed = (page: Page) => page.locator('.message-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-id')));
const channel = (page: Page) => page.locator('[role=tablist][aria-label=Channel] [aria-selected=true]').getAttribute('data-value');

/** Where each toolbar control sits, rounded to the px. */
function controlBoxes(page: Page): Promise<Record<string, number[]>> {
  // Page code as text: this file is type-checked for Node.
  return page.evaluate(`(() => {
    const selectors = { channel: '[role=tablist][aria-label=Channel]', sample: '[data-testid=sample-select]', view: '[role=tablist][aria-label=View]', width: '[data-testid=width-preset]', dark: '[data-testid=dark-toggle]' };
    return Object.fromEntries(
      Object.entries(selectors).map(([name, selector]) => {
        const rect = document.querySelector(selector).getBoundingClientRect();
        return [name, [rect.x, rect.y, rect.width, rect.height].map(Math.round)];
      }),
    );
  })()`);
}

describe('txkit dev: navigation', () => {
  it('filters the messages: / focuses the filter, Enter opens the first match, Esc clears it', async () => {
    const page = await harness.openPage('#/order-confirmation?sample=standard');
    await page.locator('[data-testid=stage]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    await expect(page.evaluate("document.activeElement?.getAttribute('data-testid')")).resolves.toBe('message-search');
    await page.keyboard.type('SHIP');
    await expect.poll(() => listed(page)).toEqual(['shipping-update']);
    await expect(page.locator('[data-testid=message-count]').innerText()).resolves.toBe('1/4');
    await page.keyboard.press('Enter');
    await expect.poll(() => title(page)).toBe('Shipping update');

    await page.keyboard.press('Escape');
    await expect.poll(() => listed(page)).toEqual(['appointment-reminder', 'order-confirmation', 'password-reset', 'shipping-update']);
    await expect(page.inputValue('[data-testid=message-search]')).resolves.toBe('');

    // Matches the id too; nothing matching says so.
    await page.fill('[data-testid=message-search]', 'password-');
    await expect.poll(() => listed(page)).toEqual(['password-reset']);
    await page.fill('[data-testid=message-search]', 'no such message');
    await page.locator('.sidebar-empty', { hasText: 'No message matches' }).waitFor();
    await page.close();
  });

  it('moves through the listed messages with ↑/↓ from anywhere but a text field, carrying the channel over predictably', async () => {
    const page = await harness.openPage('#/appointment-reminder?sample=standard&channel=sms');
    await expect.poll(() => channel(page)).toBe('sms');
    await page.locator('[data-testid=stage]').click({ position: { x: 5, y: 5 } });

    // Both channels: SMS stays.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => title(page)).toBe('Order confirmation');
    expect(await channel(page)).toBe('sms');
    // Email only: its first channel.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => title(page)).toBe('Password reset');
    expect(await channel(page)).toBe('email');
    await expect(page.locator('[role=tab][data-value=sms]').getAttribute('aria-disabled')).resolves.toBe('true');
    // SMS only: its first channel.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => title(page)).toBe('Shipping update');
    expect(await channel(page)).toBe('sms');
    // The end of the list stays put.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => title(page)).toBe('Password reset');

    // In the sample editor the arrows move the caret, not the message.
    await page.locator('[data-testid=sample-editor]').click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await title(page)).toBe('Password reset');

    // The filter narrows what ↑/↓ walk through.
    await page.fill('[data-testid=message-search]', 'confirmation');
    await page.locator('[data-testid=message-search]').press('ArrowDown');
    await expect.poll(() => title(page)).toBe('Order confirmation');
    await page.close();
  });

  it('keeps every toolbar control in place between one- and two-channel messages and between email and SMS', async () => {
    const page = await harness.openPage('#/appointment-reminder?sample=standard&channel=email');
    await expect.poll(() => channel(page)).toBe('email');
    const twoChannels = await controlBoxes(page);
    await page.click('.message-item[data-id="password-reset"]');
    await expect.poll(() => title(page)).toBe('Password reset');
    expect(await controlBoxes(page)).toEqual(twoChannels);

    await page.click('.message-item[data-id="appointment-reminder"]');
    await expect.poll(() => title(page)).toBe('Appointment reminder');
    await page.click('[role=tab][data-value=sms]');
    await expect.poll(() => channel(page)).toBe('sms');
    const sms = await controlBoxes(page);
    expect(sms['channel']).toEqual(twoChannels['channel']);
    expect(sms['sample']).toEqual(twoChannels['sample']);
    // The email controls keep their room (hidden) on SMS.
    await expect(page.locator('[role=tablist][aria-label=View]').isVisible()).resolves.toBe(false);
    expect(sms['view']).toEqual(twoChannels['view']);
    await page.close();
  });

  it('follows the WAI-ARIA tabs pattern: roles, aria-selected, a roving tabindex and the arrow keys', async () => {
    const page = await harness.openPage('#/order-confirmation?sample=standard&channel=email&tab=preview');
    const view = page.locator('[role=tablist][aria-label=View]');
    const tabIndexes = () =>
      view
        .locator('[role=tab]')
        .evaluateAll((tabs) => tabs.map((tab) => `${tab.getAttribute('data-value')}:${tab.getAttribute('tabindex')}:${tab.getAttribute('aria-selected')}`));
    await expect(tabIndexes()).resolves.toEqual(['preview:0:true', 'html:-1:false', 'text:-1:false']);

    await view.locator('[aria-selected=true]').focus();
    await page.keyboard.press('ArrowRight');
    await page.locator('[data-testid=html-source]').waitFor();
    await expect(tabIndexes()).resolves.toEqual(['preview:-1:false', 'html:0:true', 'text:-1:false']);
    await expect(page.evaluate('document.activeElement.dataset.value')).resolves.toBe('html');
    // The tab controls a tabpanel labelled by it.
    const panel = await view.locator('[aria-selected=true]').evaluate((tab) => {
      const controlled = tab.ownerDocument.getElementById(tab.getAttribute('aria-controls'))!;
      return { role: controlled.getAttribute('role'), labelledBy: controlled.getAttribute('aria-labelledby') === tab.id };
    });
    expect(panel).toEqual({ role: 'tabpanel', labelledBy: true });

    await page.keyboard.press('End');
    await page.locator('[data-testid=plain-text]').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.locator('[data-testid=email-frame]').waitFor();
    await expect(tabIndexes()).resolves.toEqual(['preview:0:true', 'html:-1:false', 'text:-1:false']);
    await expect.poll(() => page.url()).toContain('tab=preview');

    // A disabled tab is skipped: password-reset has no SMS.
    await page.click('.message-item[data-id="password-reset"]');
    await expect.poll(() => title(page)).toBe('Password reset');
    await page.locator('[role=tablist][aria-label=Channel] [aria-selected=true]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await channel(page)).toBe('email');

    // The checks dock is a tab group too.
    const checks = page.locator('[role=tablist][aria-label=Checks]');
    await checks.locator('[aria-selected=true]').focus();
    await page.keyboard.press('ArrowRight');
    await page.locator('[data-testid=compat-panel]').waitFor();
    await expect(page.locator('[data-testid=problems]').isHidden()).resolves.toBe(true);
    await page.close();
  });
});
