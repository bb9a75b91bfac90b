import { expect, it } from 'vitest';
import buildCli from '../helpers/build-cli.js';
import { useSandboxes } from '../helpers/sandboxes.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { withSandboxedPreview } from './sandboxed-preview.js';

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
  await withSandboxedPreview(project, sandbox, async ({ url, browser }) => {
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
  });
});
