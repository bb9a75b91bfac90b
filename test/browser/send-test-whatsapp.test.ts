import { writeFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { customerioSeedFor } from '../../src/sandbox/index.js';
import { loadConfig, loadWorkspace } from '../../src/workspace/index.js';
import buildCli from '../helpers/build-cli.js';
import { spawnDev } from '../helpers/dev-process.js';
import { useSandboxes } from '../helpers/sandboxes.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { launchChromium } from './chromium.js';

const makeTempDir = useTempDirs();
const startSandbox = useSandboxes();

const parcelYaml = `name: Parcel
whatsapp:
  to: "{{ customer.phone }}"
  footer: Northwind
targets:
  customerio:
    whatsapp:
      transactionalMessageId: 107
`;
// Customer.io's WhatsApp send needs identifiers (sendWhatsApp): the sample names the person.
const sample = '{ "customer": { "id": "cust-42", "first_name": "Ada", "phone": "+14155552671" }, "trigger": { "order_id": "A-1" } }\n';

it('sends a test of the WhatsApp tab through txkit send to the sandbox, through Customer.io only', { timeout: 180_000 }, async () => {
  await buildCli();
  const project = await makeTempDir({
    'templates/parcel/message.yaml': parcelYaml,
    'templates/parcel/whatsapp.txt': 'Hi *{{ customer.first_name }}*, order {{ trigger.order_id }} is on its way.\n',
    'templates/parcel/samples/known.json': sample,
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
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (entry) => {
      if (entry.type() === 'error') errors.push(entry.text());
    });
    await page.goto(`${url}#/parcel?sample=known&channel=whatsapp`);
    await page.locator('[data-testid=whatsapp-bubble]').waitFor();
    // WhatsApp has no page of its own to open; the test send is offered.
    expect(await page.locator('[data-testid=open-in-tab]').isHidden()).toBe(true);

    await page.click('[data-testid=send-test]');
    await page.locator('[data-testid=send-dialog]').waitFor({ state: 'visible' });
    expect(await page.locator('.send-title').innerText()).toBe('Send a test of parcel (known) by WhatsApp');
    await expect.poll(() => page.locator('[data-testid=send-target] option').allInnerTexts()).toEqual(['customerio']);
    const outcome = page.locator('[data-testid=send-outcome]');

    await page.fill('[data-testid=send-recipient]', '4155552671');
    await page.click('[data-testid=send-submit]');
    await expect(outcome.innerText()).resolves.toContain('Enter a phone number in E.164 form');

    await page.fill('[data-testid=send-recipient]', '+14155552671');
    await page.click('[data-testid=send-submit]');
    await outcome.filter({ hasText: /^Queued · \S+/ }).waitFor({ timeout: 60_000 });
    const deliveries = sandbox.state.customerio.deliveries;
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({
      channel: 'whatsapp',
      request: { to: '+14155552671', transactional_message_id: 107, identifiers: { id: 'cust-42' }, message_data: { order_id: 'A-1' } },
    });
    expect(await outcome.innerText()).toContain(deliveries[0]!.delivery_id);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    dev.child.kill('SIGINT');
  }
  expect(await dev.exited, dev.output()).toEqual({ code: 0, signal: null });
});
