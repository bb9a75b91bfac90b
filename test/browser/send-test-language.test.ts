import { expect, it } from 'vitest';
import buildCli from '../helpers/build-cli.js';
import { useSandboxes } from '../helpers/sandboxes.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { greetingYaml } from '../helpers/temp-workspace.js';
import { withSandboxedPreview } from './sandboxed-preview.js';

const makeTempDir = useTempDirs();
const startSandbox = useSandboxes();

const page = (lang: string, text: string) =>
  `<!doctype html><html lang="${lang}"><head><title>Hi</title></head><body><p>${text} {{ customer.first_name }}</p></body></html>\n`;
const frenchSample = { language: 'fr', customer: { first_name: 'Amélie', email: 'amelie@example.fr' } };

it('sends the language picked in the preview with the Send test dialog', { timeout: 180_000 }, async () => {
  await buildCli();
  const project = await makeTempDir({
    'templates/welcome/message.yaml': greetingYaml({ customerEmail: true, customerioId: 101 }),
    'templates/welcome/email.html': page('en', 'Hi'),
    'templates/welcome/email.fr.html': page('fr', 'Bonjour'),
    'templates/welcome/samples/basic.json': '{ "customer": { "first_name": "Ada", "email": "ada@example.com" } }\n',
    'templates/welcome/samples/basic-fr.json': `${JSON.stringify(frenchSample)}\n`,
  });
  const sandbox = await startSandbox();
  await withSandboxedPreview(project, sandbox, async ({ url, browser }) => {
    const tab = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await tab.goto(`${url}#/welcome`);
    await tab.locator('[data-testid=message-title]:not(:empty)').waitFor();
    await tab.selectOption('[data-testid=language-select]', 'fr');
    await expect.poll(() => tab.evaluate('location.hash')).toContain('language=fr');

    await tab.click('[data-testid=send-test]');
    await tab.locator('[data-testid=send-dialog]').waitFor({ state: 'visible' });
    await expect(tab.locator('.send-title').innerText()).resolves.toContain('fr');
    await expect.poll(() => tab.locator('[data-testid=send-target] option').allInnerTexts()).toContain('customerio');
    await tab.selectOption('[data-testid=send-target]', 'customerio');
    await tab.fill('[data-testid=send-recipient]', 'qa@example.com');
    await tab.click('[data-testid=send-submit]');
    await tab
      .locator('[data-testid=send-outcome]')
      .filter({ hasText: /^Queued · \S+/ })
      .waitFor({ timeout: 60_000 });
    // Customer.io's language parameter, and the French sample (the preview's default for French).
    expect(sandbox.state.customerio.deliveries.map((delivery) => delivery.request)).toEqual([
      { transactional_message_id: 101, identifiers: { email: frenchSample.customer.email }, to: 'qa@example.com', message_data: {}, language: 'fr' },
    ]);
  });
});
