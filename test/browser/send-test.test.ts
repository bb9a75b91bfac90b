import { expect, it } from 'vitest';
import buildCli from '../helpers/build-cli.js';
import { useSandboxes } from '../helpers/sandboxes.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { greetingYaml } from '../helpers/temp-workspace.js';
import { withSandboxedPreview } from './sandboxed-preview.js';

const makeTempDir = useTempDirs();
const startSandbox = useSandboxes();

const message = (name: string, customerioId: number) => greetingYaml({ name, customerEmail: true, customerioId });
const body = '<!doctype html><html lang="en"><head><title>Hi</title></head><body><p>Hi {{ customer.first_name }}</p></body></html>\n';
const sample = '{ "customer": { "first_name": "Ada", "email": "ada@example.com" } }\n';

it(
  'sends a test from the preview through txkit send to the sandbox, and shows queued, refused and invalid outcomes (issue 18 item 3)',
  { timeout: 180_000 },
  async () => {
    await buildCli();
    const project = await makeTempDir({
      'templates/welcome/message.yaml': message('Welcome', 101),
      'templates/welcome/email.html': body,
      'templates/welcome/samples/basic.json': sample,
      // Not in the sandbox: Customer.io refuses to send it.
      'templates/goodbye/message.yaml': message('Goodbye', 999),
      'templates/goodbye/email.html': body,
      'templates/goodbye/samples/basic.json': sample,
    });
    const sandbox = await startSandbox();
    await withSandboxedPreview(
      project,
      sandbox,
      async ({ url, browser }) => {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('console', (entry) => {
          if (entry.type() === 'error') errors.push(entry.text());
        });
        await page.goto(`${url}#/welcome?sample=basic`);
        await page.locator('[data-testid=message-title]:not(:empty)').waitFor();

        await page.click('[data-testid=send-test]');
        const dialog = page.locator('[data-testid=send-dialog]');
        await dialog.waitFor({ state: 'visible' });
        await expect.poll(() => page.locator('[data-testid=send-target] option').allInnerTexts()).toEqual(['sfmc', 'customerio']);
        await page.selectOption('[data-testid=send-target]', 'customerio');
        const outcome = page.locator('[data-testid=send-outcome]');

        // Not an email address: said at once, nothing sent.
        await page.fill('[data-testid=send-recipient]', 'not-an-address');
        await page.click('[data-testid=send-submit]');
        await expect(outcome.innerText()).resolves.toContain('Enter an email address');

        await page.fill('[data-testid=send-recipient]', 'qa@example.com');
        await page.click('[data-testid=send-submit]');
        await outcome.filter({ hasText: /^Queued · \S+/ }).waitFor({ timeout: 60_000 });
        const deliveries = sandbox.state.customerio.deliveries;
        expect(deliveries).toHaveLength(1);
        expect(deliveries[0]).toMatchObject({ channel: 'email', request: { to: 'qa@example.com', transactional_message_id: 101 } });
        expect(await outcome.innerText()).toContain(deliveries[0]!.delivery_id);

        // SFMC has no credentials here: refused before any request, with txkit send's message.
        await page.selectOption('[data-testid=send-target]', 'sfmc');
        await page.click('[data-testid=send-submit]');
        await outcome.filter({ hasText: /^Refused · .*SFMC_/ }).waitFor({ timeout: 60_000 });

        // A message Customer.io does not have: the platform's own refusal.
        await page.keyboard.press('Escape');
        await page.goto(`${url}#/goodbye?sample=basic`);
        await page.locator('[data-testid=message-title]', { hasText: 'Goodbye' }).waitFor();
        await page.click('[data-testid=send-test]');
        await page.selectOption('[data-testid=send-target]', 'customerio');
        await page.fill('[data-testid=send-recipient]', 'qa@example.com');
        await page.click('[data-testid=send-submit]');
        await outcome.filter({ hasText: /^Not sent · .*999/ }).waitFor({ timeout: 60_000 });
        expect(sandbox.state.customerio.deliveries).toHaveLength(1);
        expect(errors).toEqual([]);
      },
      (candidate) => candidate.id === 'welcome',
    );
  },
);
