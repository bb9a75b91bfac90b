import { writeFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { customerioSeedFor } from '../../src/sandbox/index.js';
import { loadConfig, loadWorkspace } from '../../src/workspace/index.js';
import buildCli from '../helpers/build-cli.js';
import { spawnDev } from '../helpers/dev-process.js';
import { useSandboxes } from '../helpers/sandboxes.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { greetingYaml } from '../helpers/temp-workspace.js';
import { launchChromium } from './chromium.js';

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
  const { config } = await loadConfig(project.root);
  sandbox.seed(customerioSeedFor((await loadWorkspace(config)).messages));
  const { appApiKey, transactionalApiKey } = sandbox.options.customerio;
  await writeFile(
    project.path('.env'),
    `CUSTOMERIO_APP_API_KEY=${appApiKey}\nCUSTOMERIO_TRANSACTIONAL_API_KEY=${transactionalApiKey}\nCUSTOMERIO_API_URL=${sandbox.url}\n`,
  );
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('CUSTOMERIO_') || name.startsWith('SFMC_')) delete env[name];

  const dev = spawnDev(['templates', '--port', '0'], { cwd: project.root, env });
  const browser = await launchChromium();
  try {
    await dev.waitFor(/Ctrl\+C/);
    const url = /Local:\s+(http:\S+)/.exec(dev.output())![1]!;
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
  } finally {
    await browser.close();
    dev.child.kill('SIGINT');
  }
  expect(await dev.exited, dev.output()).toEqual({ code: 0, signal: null });
});
