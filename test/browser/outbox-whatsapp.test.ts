import { expect, it } from 'vitest';
import { startPreviewServer } from '../../src/preview/index.js';
import { customerioSeedFor } from '../../src/sandbox/index.js';
import { loadConfig, loadWorkspace } from '../../src/workspace/index.js';
import { cioKey, post } from '../helpers/app-requests.js';
import { useSandboxes } from '../helpers/sandboxes.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { launchChromium } from './chromium.js';

const makeTempDir = useTempDirs();
const startSandbox = useSandboxes();

it("shows a WhatsApp send in the Outbox view as the preview's WhatsApp pane draws it", { timeout: 120_000 }, async () => {
  const project = await makeTempDir({
    'templates/parcel/message.yaml': [
      'name: Parcel',
      'whatsapp:',
      '  to: "{{ customer.phone }}"',
      '  header: "Order {{ trigger.order_id }}"',
      'targets:',
      '  customerio:',
      '    whatsapp: { transactionalMessageId: 107 }',
      '',
    ].join('\n'),
    'templates/parcel/whatsapp.txt': 'Hi *{{ customer.first_name }}*, your parcel is on its way.\n',
    'templates/parcel/samples/standard.json': '{ "customer": { "first_name": "Ada", "phone": "+14155552671" }, "trigger": { "order_id": "A-1" } }\n',
  });
  const { config } = await loadConfig(project.root);
  const sandbox = await startSandbox({ workspace: { config, profileSample: 'standard' }, sendProcessingMs: 0 });
  sandbox.seed(customerioSeedFor((await loadWorkspace(config)).messages));
  const server = await startPreviewServer({ config, port: 0, logLevel: 'silent', sandboxUrl: sandbox.url });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url);
    await page.locator('[data-testid=outbox-toggle]').click();
    const outbox = page.locator('[data-testid=outbox]');
    await outbox.waitFor();

    const sent = await post(sandbox.url, '/v1/send/whatsapp', cioKey, {
      transactional_message_id: 107,
      identifiers: { id: 'ada' },
      to: '+14155552671',
      message_data: { order_id: 'W-7' },
    });
    expect(sent.status).toBe(200);

    const item = outbox.locator('.outbox-item', { hasText: '+14155552671' });
    await item.waitFor({ timeout: 10_000 });
    expect(await item.locator('.channel').getAttribute('title')).toBe('WhatsApp');
    await item.click();
    const detail = outbox.locator('[data-testid=outbox-detail]');
    expect(await detail.locator('[data-testid=whatsapp-header]').innerText()).toBe('Order W-7');
    // *bold* drawn bold, as WhatsApp shows it.
    expect(await detail.locator('[data-testid=whatsapp-body] strong').innerText()).toBe('Ada');
    expect(await detail.locator('[data-testid=whatsapp-body]').innerText()).toBe('Hi Ada, your parcel is on its way.');
  } finally {
    await browser.close();
    await server.close();
  }
});
