import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const makeTempDir = useTempDirs();

const project = () =>
  makeTempDir({
    'templates/shipped/message.yaml': `name: Shipped
attributes:
  customer:
    first_name: { type: string }
    phone: { type: string, format: e164 }
  trigger:
    order_id: { type: string }
whatsapp:
  to: "{{ customer.phone }}"
  header: "Order {{ trigger.order_id }}"
  footer: Northwind
  buttons:
    - type: url
      text: Track
      url: "https://northwind.example.com/t/{{ trigger.order_id }}"
`,
    'templates/shipped/whatsapp.txt': 'Hi *{{ customer.first_name }}*, your order is on its way.\n',
    'templates/shipped/samples/standard.json': JSON.stringify({ customer: { first_name: 'Ada', phone: '+14155552671' }, trigger: { order_id: 'NW-1' } }),
  });

describe('txkit render --channel whatsapp', () => {
  it('prints the personalized body, its parts and their lengths against the limits', async () => {
    const dir = await project();
    const result = await runCli(['render', 'shipped', '--channel', 'whatsapp'], { cwd: dir.root });
    expect(result.code, result.stderr).toBe(0);
    // "Hi *Ada*, your order is on its way." = 3 + 5 + 2 + 5 + 6 + 3 + 3 + 4 + 4 = 35 characters; "Order NW-1" = 10.
    expect(result.stdout.split('\n')).toEqual([
      'Header: Order NW-1',
      'Hi *Ada*, your order is on its way.',
      'Footer: Northwind',
      '[Track] → https://northwind.example.com/t/NW-1',
      'body 35/1024 · header 10/60 · footer 9/60 · 1 button · to +14155552671',
      '',
    ]);
  });

  it('--json gives every part, with the limits WhatsApp documents', async () => {
    const dir = await project();
    const result = await runCli(['render', 'shipped', '--channel', 'whatsapp', '--json'], { cwd: dir.root });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      message: 'shipped',
      sample: 'standard',
      channel: 'whatsapp',
      to: '+14155552671',
      header: 'Order NW-1',
      media: null,
      body: 'Hi *Ada*, your order is on its way.',
      footer: 'Northwind',
      buttons: [{ type: 'url', text: 'Track', url: 'https://northwind.example.com/t/NW-1' }],
      lengths: { body: 35, header: 10, footer: 9 },
      limits: { body: 1024, header: 60, footer: 60, buttonText: 25 },
      diagnostics: [],
    });
  });

  it('is a usage error (exit 2) for a message without a whatsapp channel, naming the ones it has', async () => {
    const dir = await makeTempDir({ 'templates/sms-only/message.yaml': 'name: S\nsms:\n  to: "+14155552671"\n', 'templates/sms-only/sms.txt': 'Hi' });
    const result = await runCli(['render', 'sms-only', '--channel', 'whatsapp'], { cwd: dir.root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('message "sms-only" has no whatsapp channel; it has: sms');
  });
});
