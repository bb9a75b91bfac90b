import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const render = (...args: string[]) => runCli(['render', ...args], { cwd: repoRoot });

// templates/order-confirmation/sms.txt with samples/standard.json (order NW-10482).
const expectedSms = 'Northwind: order NW-10482 is confirmed. Details: https://northwind.example.com/orders/NW-10482';
// Counted by hand: "Northwind: " 11 + "order " 6 + "NW-10482 " 9 + "is " 3 + "confirmed. " 11 + "Details: " 9
// + "https://" 8 + "northwind.example.com" 21 + "/orders/" 8 + "NW-10482" 8 = 94, all GSM-7: 1 segment.
const expectedLength = 94;

describe('txkit render: SMS', () => {
  it('prints the personalized SMS and its encoding, length and segments', async () => {
    expect(expectedSms).toHaveLength(expectedLength);
    const result = await render('order-confirmation', '--sample', 'standard', '--channel', 'sms');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const [text, summary] = result.stdout.trimEnd().split('\n');
    expect(text).toBe(expectedSms);
    // As Customer.io sends it, the 45-character link becomes a 36-character short link: 94 - 45 + 36 = 85.
    expect(summary).toBe(`GSM-7 · ${expectedLength} chars · 1 segment · as Customer.io sends it: GSM-7 · 85 chars · 1 segment · to +14155552671`);
  });

  it('--json prints the rendered SMS with its analysis', async () => {
    const result = await render('order-confirmation', '--sample', 'standard', '--channel', 'sms', '--json');
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      message: 'order-confirmation',
      sample: 'standard',
      channel: 'sms',
      to: '+14155552671',
      text: expectedSms,
      encoding: 'GSM-7',
      characters: expectedLength,
      segments: 1,
      diagnostics: [],
    });
  });

  it('renders a UCS-2 SMS (Cyrillic name) and says so', async () => {
    const result = await render('shipping-update', '--sample', 'cyrillic-name');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Hi Дмитрий, Northwind order NW-10517 has shipped with DHL Express.');
    expect(result.stdout).toMatch(/^UCS-2 · \d+ chars · \d+ segments? · (as Customer\.io sends it: UCS-2 · \d+ chars · \d+ segments? · )?to \+79161234567$/m);
  });
});

describe('txkit render: SMS from the fixture workspace', () => {
  it('renders with the default sample and a | default fallback', async () => {
    const result = await runCli(['render', 'welcome-sms', '--workspace', 'test/fixtures/workspace'], { cwd: repoRoot });
    expect(result.code, result.stderr).toBe(0);
    // "Welcome " 8 + "Grace! " 7 + "Your " 5 + "code " 5 + "is " 3 + "483920." 7 = 35 characters.
    expect(result.stdout).toBe('Welcome Grace! Your code is 483920.\nGSM-7 · 35 chars · 1 segment · to +14155552671\n');
    const noName = await runCli(['render', 'welcome-sms', '-s', 'no-name', '-w', 'test/fixtures/workspace'], { cwd: repoRoot });
    expect(noName.stdout.split('\n')[0]).toBe('Welcome friend! Your code is 000111.');
  });
});

describe('txkit render: email', () => {
  it('prints the header fields and the HTML with every line item and the total', async () => {
    const result = await render('order-confirmation', '--sample', 'standard');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('From: Northwind Supply <orders@northwind.example.com>');
    expect(result.stdout).toContain('Subject: Order NW-10482 confirmed');
    expect(result.stdout).toContain("Preheader: Thanks Ada! We're getting your 3 items ready.");
    expect(result.stdout).toContain('<!doctype html>');
    // Each row: name, quantity, price × quantity in USD.
    for (const [name, quantity, amount] of [
      ['Canvas tote bag', '2', '$36.00'],
      ['Enamel camping mug', '1', '$12.50'],
      ['Field notebook, 3-pack', '1', '$38.00'],
    ]) {
      expect(result.stdout).toMatch(new RegExp(`<td>${name}</td>\\s*<td[^>]*>${quantity}</td>\\s*<td[^>]*>\\${amount}</td>`));
    }
    expect(result.stdout).toMatch(/Total<\/td>\s*<td[^>]*>\$86\.50<\/td>/);
  });

  it('--text prints the plain-text version with the line items', async () => {
    const result = await render('order-confirmation', '--sample', 'standard', '--text');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('<td');
    expect(result.stdout).toMatch(/Canvas tote bag\s+2\s+\$36\.00/);
    expect(result.stdout).toMatch(/Total\s+\$86\.50/);
  });

  it('--json prints subject, preheader, HTML and text', async () => {
    const result = await render('password-reset', '--sample', 'no-name-no-ip', '--json');
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, string>;
    expect(json).toMatchObject({
      message: 'password-reset',
      sample: 'no-name-no-ip',
      channel: 'email',
      subject: 'Reset your Northwind password',
      preheader: 'This link expires in 15 minutes.',
      diagnostics: [],
    });
    // Handlebars escapes the apostrophe of o'brien in {{ }}.
    expect(json.html).toContain('o&#x27;brien+alerts@example.com');
    expect(json.html).toContain('Hello,');
    expect(json.text).toContain('15 minutes');
  });
});

describe('txkit render: unknown names', () => {
  it('exits 2 on an unknown message and lists the messages', async () => {
    const result = await render('order-confirmaton');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('no message "order-confirmaton"');
    expect(result.stderr).toMatch(/messages: .*appointment-reminder.*order-confirmation.*password-reset.*shipping-update/);
  });

  it('exits 2 on an unknown sample and lists the samples', async () => {
    const result = await render('order-confirmation', '--sample', 'standart');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no sample "standart"');
    expect(result.stderr).toContain('samples: long-product-no-name, standard');
  });

  it('exits 2 on a channel the message does not have', async () => {
    const result = await render('password-reset', '--channel', 'sms');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('has no sms channel');
  });
});
