import { describe, expect, it } from 'vitest';
import { screenshot, usePreviewOf } from './preview-harness.js';

const openPreview = usePreviewOf();

/** A value that would run script if the preview ever put sample data into the page as HTML. */
const hostile = '<img src=x onerror=alert(1)>';

const message = [
  'name: WhatsApp formatting',
  'engine: liquid',
  'whatsapp:',
  '  body: whatsapp.txt',
  '  to: "+14155552671"',
  '  header: Your order',
  '  footer: Reply STOP to opt out',
  '  buttons:',
  '    - type: url',
  '      text: Track parcel',
  '      url: https://example.com/t/1',
  '    - type: quick_reply',
  '      text: Stop updates',
  'attributes:',
  '  customer:',
  '    name: { type: string, required: true }',
  '',
].join('\n');

// WhatsApp's markers (360dialog, "Formatting in Text Messages",
// https://docs.360dialog.com/partner/messaging/sending-and-receiving-messages/text-messages):
// *bold*, _italic_, ~strikethrough~; a URL in the text is a link.
const body = 'Hi {{ customer.name }}: *bold* _it_ ~st~\nTrack: https://example.com/t/1';

describe('txkit dev: WhatsApp preview', () => {
  it('draws the bubble with WhatsApp formatting as elements, sample data as text, then the footer and the buttons', async () => {
    const { page, errors } = await openPreview(
      {
        'templates/wa/message.yaml': message,
        'templates/wa/whatsapp.txt': body,
        'templates/wa/samples/standard.json': JSON.stringify({ customer: { name: hostile } }),
      },
      '#/wa?channel=whatsapp',
    );
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const bubble = page.locator('[data-testid=whatsapp-bubble]');
    await bubble.waitFor({ timeout: 10_000 });

    const formatted = page.locator('[data-testid=whatsapp-body]');
    await expect(formatted.locator('strong').allTextContents()).resolves.toEqual(['bold']);
    await expect(formatted.locator('em').allTextContents()).resolves.toEqual(['it']);
    await expect(formatted.locator('s').allTextContents()).resolves.toEqual(['st']);
    // The markers are consumed by the formatting; the hostile value stays literal text.
    await expect(formatted.innerText()).resolves.toBe(`Hi ${hostile}: bold it st\nTrack: https://example.com/t/1`);
    await expect(bubble.locator('img').count()).resolves.toBe(0);
    await expect(page.locator('img[src=x]').count()).resolves.toBe(0);

    const link = formatted.locator('a');
    await expect(link.getAttribute('href')).resolves.toBe('https://example.com/t/1');
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
    await expect(link.getAttribute('rel')).resolves.toBe('noopener');

    await expect(page.locator('[data-testid=whatsapp-header]').innerText()).resolves.toBe('Your order');
    const headerWeight = await page
      .locator('[data-testid=whatsapp-header]')
      .evaluate((element) => element.ownerDocument.defaultView!.getComputedStyle(element).fontWeight);
    expect(Number(headerWeight)).toBeGreaterThanOrEqual(700);
    await expect(page.locator('[data-testid=whatsapp-footer]').innerText()).resolves.toBe('Reply STOP to opt out');
    // The buttons are rows of their own under the bubble, not inside it.
    const buttons = page.locator('[data-testid=whatsapp-buttons] .wa-button-text');
    await expect(buttons.allTextContents()).resolves.toEqual(['Track parcel', 'Stop updates']);
    await expect(bubble.locator('.wa-button').count()).resolves.toBe(0);
    const bubbleBox = await bubble.boundingBox();
    const firstButton = await page.locator('[data-testid=whatsapp-buttons] .wa-button').first().boundingBox();
    expect(firstButton!.y).toBeGreaterThanOrEqual(bubbleBox!.y + bubbleBox!.height);

    // Lengths in characters, markers included (the body as sent), against the template limits:
    // body 1024, header 60, button text 25 (src/whatsapp/limits.ts cites Meta, Bird and Braze).
    const sentBody = `Hi ${hostile}: *bold* _it_ ~st~\nTrack: https://example.com/t/1`;
    await expect(page.locator('[data-testid=whatsapp-body-length]').innerText()).resolves.toBe(String(sentBody.length));
    await expect(page.locator('[data-testid=whatsapp-header-length]').innerText()).resolves.toBe('10');
    await expect(page.locator('[data-testid=whatsapp-button-length-1]').innerText()).resolves.toBe('12');

    await screenshot(page, 'whatsapp-bubble');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws a ``` block spanning lines in monospace, line breaks kept, sample data as text', async () => {
    // WhatsApp Help Center, "How to format your messages" (https://faq.whatsapp.com/539178204879377):
    // three backticks on both sides of the text make it monospace; here the text holds line breaks.
    const { page, errors } = await openPreview(
      {
        'templates/wa/message.yaml': message,
        'templates/wa/whatsapp.txt': 'Your codes:\n```{{ customer.name }}\n*A1* - B2```\nThanks',
        'templates/wa/samples/standard.json': JSON.stringify({ customer: { name: hostile } }),
      },
      '#/wa?channel=whatsapp',
    );
    const formatted = page.locator('[data-testid=whatsapp-body]');
    await formatted.waitFor({ timeout: 10_000 });
    const lines = formatted.locator(':scope > .wa-line');
    await expect.poll(() => lines.count()).toBe(3);
    const block = lines.nth(1);
    // One text node holding both lines as written (the markers consumed): no element, no markup from the data.
    await expect(block.evaluate((element) => [...element.childNodes].map((node) => [node.nodeName, node.textContent]))).resolves.toEqual([
      ['#text', `${hostile}\n*A1* - B2`],
    ]);
    await expect(block.innerText()).resolves.toBe(`${hostile}\n*A1* - B2`);
    // Monospace: in the line's font, ten i's are as wide as ten W's; not so in the paragraph's.
    const widthRatio = (index: number) =>
      lines.nth(index).evaluate((element) => {
        const context = element.ownerDocument.createElement('canvas').getContext('2d')!;
        context.font = element.ownerDocument.defaultView!.getComputedStyle(element).font;
        return context.measureText('iiiiiiiiii').width / context.measureText('WWWWWWWWWW').width;
      });
    await expect(widthRatio(1)).resolves.toBe(1);
    await expect(widthRatio(0)).resolves.toBeLessThan(0.8);
    // Two lines tall: the line break shows.
    const [paragraphBox, blockBox] = await Promise.all([lines.nth(0).boundingBox(), block.boundingBox()]);
    expect(blockBox!.height).toBeGreaterThan(paragraphBox!.height * 1.5);
    await expect(formatted.locator('img').count()).resolves.toBe(0);
    await screenshot(page, 'whatsapp-monospace-block');
    expect(errors).toEqual([]);
    await page.close();
  });
});
