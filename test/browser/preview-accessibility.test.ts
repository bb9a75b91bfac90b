import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailText, sampleEditorText, startHarness, type PreviewHarness } from './preview-harness.js';

let harness: PreviewHarness;
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/**
 * axe-core's serious and critical violations on the page. The email in its frame is the
 * author's content, not the preview's (and a sandboxed frame runs no scripts): left out.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe'))?.toString().includes('object')) await page.addScriptTag({ path: axePath });
  // Page code as text: this file is type-checked for Node.
  const violations = await page.evaluate<Violation[]>(
    `axe.run({ exclude: [['[data-testid=email-frame]'], ['.email-twin']] }, { iframes: false, resultTypes: ['violations'] }).then((results) => results.violations)`,
  );
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id} (${violation.impact}) ${JSON.stringify(node.target)}: ${violation.help}. ${node.failureSummary ?? ''}`),
    );
}

/** Visible text set smaller than 12 px. */
function smallText(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const small = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || node.textContent.trim() === '' || element.closest('[hidden], option, script, style')) continue;
      const style = getComputedStyle(element);
      if (element.getClientRects().length === 0 || style.visibility === 'hidden') continue;
      if (parseFloat(style.fontSize) < 12) small.push(style.fontSize + ' ' + element.className + ': ' + node.textContent.trim().slice(0, 40));
    }
    return small;
  })()`);
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  expect(await smallText(page)).toEqual([]);
}

describe('txkit dev: accessibility (axe-core, no serious or critical violations; no text under 12 px)', () => {
  it('email: desktop, phone width and dark', async () => {
    const page = await harness.openPage('#/order-confirmation?sample=standard&channel=email&tab=preview&width=800');
    await expect.poll(() => emailText(page), { timeout: 10_000 }).toContain('View your order');
    await expectAccessible(page);
    await page.selectOption('[data-testid=width-preset]', '375');
    await page.locator('.frame-shell[data-device=phone]').waitFor();
    await expectAccessible(page);
    await page.click('[data-testid=dark-toggle]');
    await expect.poll(() => page.locator('[data-testid=email-frame]').getAttribute('srcdoc')).toContain('invert(1)');
    await expectAccessible(page);
    await page.close();
  });

  it('email source views: HTML and plain text', async () => {
    const page = await harness.openPage('#/order-confirmation?sample=standard&channel=email&tab=html');
    await page.locator('[data-testid=html-source]').waitFor();
    await expectAccessible(page);
    await page.click('[role=tab][data-value=text]');
    await page.locator('[data-testid=plain-text]').waitFor();
    await expectAccessible(page);
    await page.close();
  });

  it('SMS', async () => {
    const page = await harness.openPage('#/shipping-update?sample=cyrillic-name&channel=sms');
    await page.locator('mark.ucs2').first().waitFor({ timeout: 10_000 });
    await expectAccessible(page);
    await page.close();
  });

  it('problems and compatibility', async () => {
    const page = await harness.openPage('#/appointment-reminder?sample=standard&channel=email');
    await page.locator('[data-testid=problems] .diagnostic').first().waitFor({ timeout: 10_000 });
    await expectAccessible(page);
    await page.click('[role=tab]:has-text("Compatibility")');
    await page.locator('[data-testid=compat-matrix] tbody tr').first().waitFor();
    await expectAccessible(page);
    await page.close();
  });

  it('sample editor, with a refused save listed, and the panels collapsed', async () => {
    const page = await harness.openPage('#/order-confirmation?sample=standard');
    const editor = page.locator('[data-testid=sample-editor]');
    await expect.poll(() => sampleEditorText(page)).toContain('"customer"');
    await editor.fill('{ "customer": ');
    await page.click('[data-testid=sample-save]');
    await page.locator('[data-testid=sample-problems] li').first().waitFor();
    await expectAccessible(page);
    await page.click('[data-testid=sidebar-toggle]');
    await page.click('[data-testid=inspector-toggle]');
    await page.click('[data-testid=dock-toggle]');
    await page.locator('[data-testid=problems]').waitFor({ state: 'hidden' });
    await expectAccessible(page);
    await page.close();
  });
});
