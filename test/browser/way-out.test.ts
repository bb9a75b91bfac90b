import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { greetingYaml } from '../helpers/temp-workspace.js';
import { emailFrame, usePreviewOf } from './preview-harness.js';

const openPreview = usePreviewOf();

/** A site the email links to, recording the paths asked for. */
let landing: Server;
let landingUrl: string;
const landed: string[] = [];

beforeAll(async () => {
  landing = createServer((request, response) => {
    landed.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'text/html' }).end('<title>Landing</title><p>landed</p>');
  });
  await new Promise<void>((resolve) => landing.listen(0, '127.0.0.1', resolve));
  landingUrl = `http://127.0.0.1:${(landing.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => landing.close(resolve));
});

const message = greetingYaml({ sms: { body: 'sms.txt', to: '+14155552671' } });
const html = (link: string) =>
  `<!doctype html><html lang="en"><head><title>Welcome</title></head><body><p>Hi {{ customer.first_name }}</p><a id="shop" href="${link}/shop">Visit the shop</a><script>document.title = 'script ran'</script></body></html>\n`;

it(
  'the rendered email opens in a tab of its own (no script runs there), is copied as HTML and text, and its links open a new tab (issue 18 item 3)',
  { timeout: 120_000 },
  async () => {
    const { page, server, errors } = await openPreview(
      {
        'templates/welcome/message.yaml': message,
        'templates/welcome/email.html': html(landingUrl),
        'templates/welcome/sms.txt': 'Hi {{ customer.first_name }}, welcome!\n',
        'templates/welcome/samples/basic.json': '{ "customer": { "first_name": "Ada" } }\n',
      },
      '#/welcome?sample=basic&channel=email',
    );
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await emailFrame(page).locator('#shop').waitFor({ timeout: 10_000 });

    // Open in new tab: the email's HTML as a page, sandboxed by its Content-Security-Policy.
    const link = page.locator('[data-testid=open-in-tab]');
    await expect(link.getAttribute('href')).resolves.toBe('/__txkit/message/welcome/email.html?sample=basic');
    const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await tab.locator('#shop').waitFor({ timeout: 10_000 });
    await expect(tab.locator('p').innerText()).resolves.toBe('Hi Ada');
    await expect(tab.title()).resolves.toBe('Welcome');
    await tab.close();

    // Copy HTML and Copy text put the rendered email on the clipboard.
    await page.click('[data-testid=copy-html]');
    await expect.poll(() => page.evaluate('navigator.clipboard.readText()')).toContain('<p>Hi Ada</p>');
    await page.click('[data-testid=copy-text]');
    await expect.poll(() => page.evaluate('navigator.clipboard.readText()')).toMatch(/^Hi Ada/);

    // A link in the email frame opens a new tab with the link's page; the preview stays.
    const [opened] = await Promise.all([page.context().waitForEvent('page'), emailFrame(page).locator('#shop').click()]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(`${landingUrl}/shop`);
    expect(landed).toContain('/shop');
    await opened.close();
    await expect(emailFrame(page).locator('p').innerText()).resolves.toBe('Hi Ada');

    // The SMS channel offers its text.
    await page.goto(`${server.url}#/welcome?sample=basic&channel=sms`);
    await expect.poll(() => page.locator('[data-testid=open-in-tab]').getAttribute('href')).toBe('/__txkit/message/welcome/sms.txt?sample=basic');
    await expect(page.locator('[data-testid=copy-html]').isVisible()).resolves.toBe(false);
    // Chromium says so each time the email's script is refused; nothing else went wrong.
    expect(errors.filter((error) => !error.includes("Blocked script execution in 'about:srcdoc'"))).toEqual([]);
  },
);

it(
  'the standalone page carries the email sandbox, and serves the email, its text and the SMS of a message and sample only (issue 18 item 3)',
  { timeout: 120_000 },
  async () => {
    const { server } = await openPreview(
      {
        'templates/welcome/message.yaml': message,
        'templates/welcome/email.html': html('https://shop.example'),
        'templates/welcome/sms.txt': 'Hi {{ customer.first_name }}\n',
        'templates/welcome/samples/basic.json': '{ "customer": { "first_name": "Ada" } }\n',
      },
      '#/welcome',
    );
    const url = `${server.url}__txkit/message/welcome/email.html?sample=basic`;
    const typedIn = await fetch(url);
    expect(typedIn.status).toBe(200);
    expect(typedIn.headers.get('content-security-policy')).toMatch(/^sandbox allow-popups allow-popups-to-escape-sandbox;.*script-src 'none'/);
    expect(await typedIn.text()).toContain('<p>Hi Ada</p>');
    // Reads by other pages are refused, navigations from them allowed: test/browser/cross-origin.test.ts.
    // The text versions, and what does not exist.
    await expect(fetch(`${server.url}__txkit/message/welcome/sms.txt?sample=basic`).then((response) => response.text())).resolves.toBe('Hi Ada');
    await expect(fetch(`${server.url}__txkit/message/welcome/email.txt?sample=basic`).then((response) => response.text())).resolves.toContain('Hi Ada');
    await expect(fetch(`${server.url}__txkit/message/nope/email.html`).then((response) => response.status)).resolves.toBe(404);
    await expect(fetch(`${server.url}__txkit/message/welcome/..%2F..%2Fmessage.yaml`).then((response) => response.status)).resolves.toBe(404);
    await expect(fetch(`${server.url}__txkit/message/welcome/email.html?sample=nope`).then((response) => response.status)).resolves.toBe(404);
  },
);
