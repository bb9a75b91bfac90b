import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageView } from '../../src/preview/api-types.js';
import { startHarness, type PreviewHarness } from './preview-harness.js';

let harness: PreviewHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

const subject = (page: Page) => page.locator('[data-testid=inbox-subject]').innerText();
const smsText = (page: Page) => page.locator('[data-testid=sms-text]').innerText();
const hashParam = (page: Page, name: string) => page.evaluate(`new URLSearchParams(location.hash.split('?')[1] ?? '').get(${JSON.stringify(name)})`);

describe('txkit dev: languages', () => {
  it('shows the French translation with its own samples, keeps the language in the hash and on save, and switches back to English', async () => {
    // templates/order-confirmation: message.yaml `email.translations.fr.subject` and sms.fr.txt,
    // rendered with samples/standard-fr.json (the only sample naming "language": "fr", order NW-10483).
    const page = await harness.openPage('#/order-confirmation?language=fr');
    await expect.poll(() => subject(page)).toBe('Commande NW-10483 confirmée');
    await expect(page.inputValue('[data-testid=language-select]')).resolves.toBe('fr');
    await expect(
      page.locator('[data-testid=language-select] option').evaluateAll((options) => options.map((option) => option.getAttribute('value'))),
    ).resolves.toEqual(['en', 'fr']);
    // The French samples only; the files that do not name a language preview English.
    await expect(page.locator('[data-testid=sample-select] option').allTextContents()).resolves.toEqual(['standard-fr']);
    await expect.poll(() => hashParam(page, 'language')).toBe('fr');
    // The page of its own shows the same language.
    await expect(page.locator('[data-testid=open-in-tab]').getAttribute('href')).resolves.toBe(
      '/__txkit/message/order-confirmation/email.html?sample=standard-fr&language=fr',
    );

    await page.locator('[role=tablist][aria-label=Channel] [data-value=sms]').click();
    await expect.poll(() => smsText(page)).toBe('Northwind : commande NW-10483 confirmée. Détails : https://northwind.example.com/orders/NW-10483');
    await expect.poll(() => hashParam(page, 'language')).toBe('fr');

    // A save re-renders the language on screen.
    // It reads the same attributes as sms.txt, so it adds no languages/attributes problem for the other tests of this file.
    await writeFile(harness.file('order-confirmation/sms.fr.txt'), 'Northwind : commande {{ trigger.order_id }} expédiée. Détails : {{ trigger.order_url }}\n');
    await expect
      .poll(() => smsText(page), { timeout: 15_000 })
      .toBe('Northwind : commande NW-10483 expédiée. Détails : https://northwind.example.com/orders/NW-10483');
    await expect(page.inputValue('[data-testid=language-select]')).resolves.toBe('fr');

    // English: message.yaml `email.subject` with samples/standard.json (order NW-10482).
    await page.selectOption('[data-testid=language-select]', 'en');
    await page.locator('[role=tablist][aria-label=Channel] [data-value=email]').click();
    await expect.poll(() => subject(page)).toBe('Order NW-10482 confirmed');
    await expect.poll(() => hashParam(page, 'language')).toBe('en');
    await expect(page.inputValue('[data-testid=sample-select]')).resolves.toBe('standard');
    await page.close();
  });

  it('lists the problems of the language on screen, and counts the other language’s beside the tabs, a click away', async () => {
    // Both order-confirmation emails style cells with `white-space`, which caniemail lists as not
    // supported in Outlook Windows and Samsung Email: email/compat warns at each use, in its own file.
    const uses = async (file: string) => (await readFile(harness.file(file), 'utf8')).match(/white-space:/g)?.length ?? 0;
    const english = await uses('order-confirmation/email.mjml');
    const french = await uses('order-confirmation/email.fr.mjml');
    expect(english).toBeGreaterThan(0);
    expect(french).toBeGreaterThan(0);
    // The API says which language each problem concerns; the page only follows it.
    const response = await fetch(`${harness.server.url}__txkit/api/messages/order-confirmation?language=en`);
    const { diagnostics } = (await response.json()) as MessageView;
    const languagesByFile = new Map(diagnostics.map((diagnostic) => [diagnostic.relativeFile, diagnostic.languages]));
    expect(Object.fromEntries(languagesByFile)).toEqual({
      'order-confirmation/email.mjml': ['en'],
      'order-confirmation/email.fr.mjml': ['fr'],
    });
    const listedFiles = async (page: Page) =>
      (await page.locator('[data-testid=problems] .diagnostic-location').allTextContents()).map((location) => location.replace(/:\d+:\d+$/, ''));
    const note = (page: Page) => page.locator('[data-testid=other-languages]').innerText();

    const page = await harness.openPage('#/order-confirmation?language=en');
    await expect.poll(() => listedFiles(page)).toEqual(Array<string>(english).fill('order-confirmation/email.mjml'));
    await expect(page.locator('[data-testid=problems-summary]').innerText()).resolves.toBe(`${english} warnings`);
    await expect(page.locator('[data-testid=compat-badge]').innerText()).resolves.toBe(String(english));
    await expect(note(page)).resolves.toBe(`+${french} in fr`);
    // The sidebar counts the message's problems in every language.
    await expect(page.locator('.message-item[data-id=order-confirmation] [data-testid=warning-count]').innerText()).resolves.toBe(String(english + french));

    await page.locator('[data-testid=other-languages] [data-language=fr]').click();
    await expect.poll(() => page.inputValue('[data-testid=language-select]')).toBe('fr');
    await expect.poll(() => listedFiles(page)).toEqual(Array<string>(french).fill('order-confirmation/email.fr.mjml'));
    await expect(note(page)).resolves.toBe(`+${english} in en`);
    await expect.poll(() => hashParam(page, 'language')).toBe('fr');
    await page.close();
  });

  it('offers no language picker for a message with one language', async () => {
    const page = await harness.openPage('#/password-reset');
    await expect(page.locator('[data-testid=language-select]').isVisible()).resolves.toBe(false);
    await expect.poll(() => hashParam(page, 'language')).toBe(null);
    await expect(page.locator('[data-testid=other-languages]').innerText()).resolves.toBe('');
    await page.close();
  });
});
