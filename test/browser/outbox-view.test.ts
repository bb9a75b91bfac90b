import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../src/preview/index.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { postSend, sfmcToken } from '../helpers/app-requests.js';
import { orderMessage, orderSeed } from '../sandbox/outbox-workspace.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { loadConfig } from '../../src/workspace/index.js';
import { launchChromium } from './chromium.js';
import { screenshot } from './preview-harness.js';

// Generous: the machine is shared; the events themselves arrive in milliseconds.
const appearWithinMs = 5_000;

describe('preview: the Outbox view of `txkit dev --sandbox`', () => {
  // Launching Chromium is the slow part and no test changes the browser itself: one for the file.
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  // Every test sends and counts what the Outbox shows: each gets its own project, emulator, preview and page.
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A fresh `txkit dev --sandbox` setup with the Outbox open and empty. */
  async function openOutbox(): Promise<{ sandbox: Sandbox; page: Page }> {
    const project = await makeTempDir(orderMessage);
    cleanups.push(() => project.remove());
    const { config } = await loadConfig(project.root);
    const sandbox = await startSandbox({ workspace: { config, profileSample: 'standard' }, sendProcessingMs: 0 });
    cleanups.push(() => sandbox.close());
    sandbox.seed(orderSeed);
    const server: PreviewServer = await startPreviewServer({ config, port: 0, logLevel: 'silent', sandboxUrl: sandbox.url });
    cleanups.push(() => server.close());
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    cleanups.push(() => page.close());
    await page.goto(server.url);
    await page.locator('[data-testid=outbox-toggle]').click();
    await page.locator('[data-testid=outbox]').waitFor();
    expect(await page.locator('[data-testid=outbox-count]').textContent()).toBe('0');
    return { sandbox, page };
  }

  it('shows a send as soon as the application posts it, and opens it rendered with its request', async () => {
    const { sandbox, page } = await openOutbox();
    const outbox = () => page.locator('[data-testid=outbox]');
    const sent = await postSend(sandbox.url, { platform: 'customerio', channel: 'email', messageId: 7, to: 'ada@example.com', data: { order_id: 'W-1' } });
    expect(sent.status).toBe(200);

    const item = outbox().locator('.outbox-item', { hasText: 'ada@example.com' });
    await item.waitFor({ timeout: appearWithinMs });
    expect(await item.locator('[data-testid=outbox-outcome]').textContent()).toBe('Sent');
    await item.click();
    const detail = outbox().locator('[data-testid=outbox-detail]');
    expect(await detail.locator('[data-testid=inbox-subject]').textContent()).toBe('Order W-1');
    await expect
      .poll(() => detail.frameLocator('[data-testid=email-frame]').locator('body').innerText(), { timeout: appearWithinMs })
      .toContain('Hi Ada, order W-1 is confirmed.');
    expect(JSON.parse((await detail.locator('[data-testid=outbox-request]').textContent())!)).toMatchObject({ message_data: { order_id: 'W-1' } });
    await screenshot(page, 'outbox-email');
  });

  it("shows an SMS on the phone, and a refused send with the platform's error", async () => {
    const { sandbox, page } = await openOutbox();
    const outbox = () => page.locator('[data-testid=outbox]');
    const token = await sfmcToken(sandbox.url);
    const sendSms = (messageKey: string, to: string, orderId: string) =>
      postSend(sandbox.url, { platform: 'sfmc', channel: 'sms', token, messageKey, definitionKey: 'order-sms', to, attributes: { order_id: orderId } });
    await sendSms('sms-1', '14155550100', 'W-2');
    await sendSms('sms-2', 'nobody', 'W-3');

    const sms = outbox().locator('.outbox-item', { hasText: '14155550100' });
    await sms.waitFor({ timeout: appearWithinMs });
    await sms.click();
    const detail = outbox().locator('[data-testid=outbox-detail]');
    expect(await detail.locator('[data-testid=sms-text]').innerText()).toContain('Order W-2 shipped.');
    expect(await detail.locator('[data-testid=sms-segments]').textContent()).toBe('1');

    const refused = outbox().locator('.outbox-item', { hasText: 'nobody' });
    await refused.waitFor({ timeout: appearWithinMs });
    expect(await refused.locator('[data-testid=outbox-outcome]').textContent()).toBe('Refused');
    await refused.click();
    // shared/docs/platform-api.md: 109121 InvalidValue_to.
    expect(await detail.locator('[data-testid=outbox-reason]').textContent()).toMatch(/HTTP 400, errorcode 109121: .*InvalidValue_to/);
    // This test's two sends, nothing else.
    expect(await page.locator('[data-testid=outbox-count]').textContent()).toBe('2');
  });
});
