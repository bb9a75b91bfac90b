import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startHarness, type PreviewHarness } from './preview-harness.js';

let harness: PreviewHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

describe('txkit dev: SMS preview', () => {
  it('splits a 161-character GSM-7 text into 2 segments of 153 and 8', async () => {
    // "Hi Bartholomew, " is 16 characters; 145 more ASCII letters make 161: one over a single segment (160).
    const name = 'Bartholomew';
    const filler = 'x'.repeat(145);
    const expected = `Hi ${name}, ${filler}`;
    expect(expected).toHaveLength(161);
    await mkdir(harness.file('long-sms/samples'), { recursive: true });
    await writeFile(harness.file('long-sms/sms.txt'), `Hi {{ customer.first_name }}, ${filler}\n`);
    await writeFile(harness.file('long-sms/samples/standard.json'), JSON.stringify({ customer: { first_name: name, phone: '+14155552671' } }, null, 2));
    await writeFile(harness.file('long-sms/message.yaml'), 'name: Long SMS\nsms:\n  body: sms.txt\n  to: "{{ customer.phone }}"\n  maxSegments: 1\n');

    const page = await harness.openPage();
    await page.locator('.message-item[data-id="long-sms"]').click({ timeout: 10_000 });
    await page.locator('[data-testid=message-title]', { hasText: 'Long SMS' }).waitFor();

    await expect(page.locator('[data-testid=sms-encoding]').innerText()).resolves.toBe('GSM-7');
    await expect(page.locator('[data-testid=sms-characters]').innerText()).resolves.toBe('161');
    await expect(page.locator('[data-testid=sms-segments]').innerText()).resolves.toBe('2');
    const segments = await page.locator('[data-testid=sms-text] .sms-segment').allTextContents();
    expect(segments).toEqual([expected.slice(0, 153), expected.slice(153)]);
    await expect(page.locator('[data-testid=sms-to]').innerText()).resolves.toBe('+14155552671');
    await screenshot(page, 'sms-two-segments');
    await page.close();
  });

  it('highlights every character that forces UCS-2', async () => {
    const sample = JSON.parse(await readFile(harness.file('shipping-update/samples/cyrillic-name.json'), 'utf8')) as { customer: { first_name: string } };
    const cyrillic = sample.customer.first_name.match(/\p{Script=Cyrillic}/gu) ?? [];
    expect(cyrillic.length).toBeGreaterThan(0);

    const page = await harness.openPage('#/shipping-update?sample=cyrillic-name&channel=sms');
    await page.locator('[data-testid=sms-encoding]', { hasText: 'UCS-2' }).waitFor({ timeout: 10_000 });
    await expect(page.locator('[data-testid=sms-text] mark.ucs2').allTextContents()).resolves.toEqual(cyrillic);
    await expect(page.locator('[data-testid=ucs2-list]').isVisible()).resolves.toBe(true);
    await screenshot(page, 'sms-ucs2');
    await page.close();
  });

  it('shows the count as Customer.io sends it, each link a 36-character short link (docs.customer.io/journeys/sms-link-shortening), and the text so', async () => {
    // As written: 130 + 1 + 23 ("https://example.com/t/1") = 154, one segment; as sent: 130 + 1 + 36 = 167, two (153 + 14).
    const filler = 'a'.repeat(130);
    await mkdir(harness.file('linked-sms'), { recursive: true });
    await writeFile(harness.file('linked-sms/sms.txt'), `${filler} https://example.com/t/1`);
    await writeFile(
      harness.file('linked-sms/message.yaml'),
      'name: Linked SMS\nsms:\n  to: "+14155552671"\ntargets:\n  customerio:\n    sms: { transactionalMessageId: 7 }\n',
    );

    const page = await harness.openPage('#/linked-sms?channel=sms');
    const line = page.locator('[data-testid=sms-sent]');
    await line.waitFor({ timeout: 10_000 });
    await expect(line.innerText()).resolves.toContain(
      'As written: 1 segment (GSM-7, 154 chars) · as Customer.io sends it (1 link shortened to 36 characters): 2 segments (GSM-7, 167 chars)',
    );
    await expect(page.locator('[data-testid=sms-segments]').innerText()).resolves.toBe('1');

    await page.locator('[data-testid=sms-sent-toggle]').check();
    await expect(page.locator('[data-testid=sms-segments]').innerText()).resolves.toBe('2');
    const sent = `${filler} https://${'x'.repeat(28)}`;
    await expect(page.locator('[data-testid=sms-text] .sms-segment').allTextContents()).resolves.toEqual([sent.slice(0, 153), sent.slice(153)]);
    await screenshot(page, 'sms-as-sent');
    await page.close();
  });
});
