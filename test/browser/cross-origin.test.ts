import { readFile } from 'node:fs/promises';
import http, { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { repoRoot, startHarness, type PreviewHarness } from './preview-harness.js';

/**
 * Issue 21 item 7: a page on another localhost port reads nothing from the preview. Browsers
 * count every port of 127.0.0.1 as the same *site*, and Vite's default CORS allows every
 * localhost origin, so before the fix a page on another port read the API, the workspace's
 * absolute path and, through /@fs/, files of the package or monorepo around the UI.
 */

let harness: PreviewHarness;
let browser: Browser;
let otherOrigin: Server;
let otherUrl: string;
/** Status of every answer the preview gave to a request that named another origin. */
let foreignAnswers: Array<{ url: string; status: number }>;

beforeAll(async () => {
  harness = await startHarness();
  foreignAnswers = [];
  harness.server.vite.httpServer!.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    const site = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    if ((site !== undefined && site !== 'same-origin' && site !== 'none') || (origin !== undefined && origin !== harness.server.url.replace(/\/$/, ''))) {
      response.on('finish', () => foreignAnswers.push({ url: request.url ?? '', status: response.statusCode }));
    }
  });
  // The other local page: a real HTTP origin on another 127.0.0.1 port.
  otherOrigin = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://other.invalid');
    const html = (body: string) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    if (url.pathname === '/attack') html(attackPage(url.searchParams.get('preview')!, JSON.parse(url.searchParams.get('targets')!) as string[]));
    else if (url.pathname === '/link') html(`<!doctype html><a id="open-preview" href="${url.searchParams.get('to')!}">preview</a>`);
    else response.writeHead(200, { 'content-type': 'text/plain' }).end('own content');
  });
  await new Promise<void>((resolve) => otherOrigin.listen(0, '127.0.0.1', resolve));
  otherUrl = `http://127.0.0.1:${(otherOrigin.address() as AddressInfo).port}/`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  await new Promise((resolve) => otherOrigin?.close(resolve));
});

/**
 * What a script of a page can learn from each URL (fetch, XHR, a module import, then a classic
 * script, a stylesheet, an image and a frame pointed at the preview): "read …" or how it failed.
 * It runs as the page's own script, served by the page's server.
 */
const attackScript = `
const preview = PREVIEW;
const outcome = {};
for (const url of TARGETS) {
  try {
    const response = await fetch(url);
    outcome['fetch ' + url] = 'read ' + response.status + ': ' + (await response.text());
  } catch (error) {
    outcome['fetch ' + url] = 'failed: ' + error;
  }
  outcome['xhr ' + url] = await new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('GET', url);
    request.onload = () => resolve('read ' + request.status + ': ' + request.responseText);
    request.onerror = () => resolve('failed');
    request.send();
  });
}
try {
  await import(preview + 'src/styles.css?inline');
  outcome.import = 'read';
} catch (error) {
  outcome.import = 'failed: ' + error;
}
const load = (element) => new Promise((resolve) => {
  element.addEventListener('load', () => resolve('load'));
  element.addEventListener('error', () => resolve('error'));
  document.body.append(element);
});
outcome.script = await load(Object.assign(document.createElement('script'), { src: preview + '__txkit/api/workspace' }));
outcome.style = await load(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: preview + 'src/styles.css' }));
outcome.image = await load(Object.assign(document.createElement('img'), { src: preview + '__txkit/api/workspace' }));
const frame = Object.assign(document.createElement('iframe'), { src: preview });
await load(frame);
// A cross-origin frame's document is null to the page; the server's refusal is checked besides.
outcome.frame = frame.contentDocument ? 'read: ' + frame.contentDocument.body.innerText : 'failed: no access';
const own = await fetch('/own');
outcome.own = 'read ' + own.status + ': ' + (await own.text());
window.outcome = outcome;
document.title = 'done';
`;

function attackPage(preview: string, targets: readonly string[]): string {
  const script = attackScript.replace('PREVIEW', JSON.stringify(preview)).replace('TARGETS', JSON.stringify(targets));
  return `<!doctype html><title>another local app</title><script type="module">${script}</script>`;
}

/** Opens `pageUrl` (the attack page: on the other origin, or served by the preview's own route for the control) and returns the outcome. */
async function runAttack(pageUrl: string, targets: readonly string[]): Promise<Record<string, string>> {
  const page = await browser.newPage();
  try {
    if (pageUrl.startsWith(harness.server.url)) {
      // The control runs the same script in the preview's own origin.
      await page.goto(pageUrl);
      await page.addScriptTag({
        type: 'module',
        content: attackScript
          .replace('PREVIEW', JSON.stringify(harness.server.url))
          .replace('TARGETS', JSON.stringify(targets))
          .replace("await fetch('/own')", 'await fetch(preview)'),
      });
    } else {
      await page.goto(`${pageUrl}?preview=${encodeURIComponent(harness.server.url)}&targets=${encodeURIComponent(JSON.stringify(targets))}`);
    }
    await page.waitForFunction('document.title === "done"', undefined, { timeout: 60_000 });
    return await page.evaluate<Record<string, string>>('window.outcome');
  } finally {
    await page.close();
  }
}

describe('preview: another local origin reads nothing', () => {
  it('refuses fetch, XHR, module imports, scripts, styles, images and frames from a page on another 127.0.0.1 port', { timeout: 90_000 }, async () => {
    const preview = harness.server.url;
    const targets = [
      `${preview}__txkit/api/workspace`,
      `${preview}__txkit/api/messages/order-confirmation?sample=standard`,
      `${preview}__txkit/api/messages/order-confirmation/samples/standard`,
      `${preview}src/main.ts`,
      `${preview}@fs${repoRoot.replace(/\/$/, '')}/package.json`,
      preview,
    ];

    // The control: the same script on the preview's own origin reads the API.
    const own = await runAttack(preview, targets.slice(0, 4));
    for (const url of targets.slice(0, 4)) expect(own[`fetch ${url}`], url).toMatch(/^read 200: /);
    expect(own[`fetch ${targets[0]}`]).toContain(harness.workspace);
    foreignAnswers.length = 0;

    const { own: ownContent, ...seen } = await runAttack(`${otherUrl}attack`, targets);
    // The page's script ran and can read its own origin.
    expect(ownContent).toBe('read 200: own content');
    for (const [attempt, result] of Object.entries(seen)) {
      expect(result, attempt).not.toMatch(/^read/);
      expect(result, attempt).not.toContain(harness.workspace);
    }
    expect(seen).toMatchObject({ script: 'error', style: 'error', image: 'error' });

    // Every request the other page made reached the preview and was refused by the preview itself.
    expect(foreignAnswers.some((answer) => answer.url === '/')).toBe(true);
    expect(foreignAnswers.length).toBeGreaterThanOrEqual(targets.length + 4);
    for (const answer of foreignAnswers) expect(answer, answer.url).toMatchObject({ status: 403 });
  });

  it('lets a link on another page open the preview in a tab, where it works', { timeout: 60_000 }, async () => {
    const page = await browser.newPage();
    await page.goto(`${otherUrl}link?to=${encodeURIComponent(harness.server.url)}`);
    await page.click('#open-preview');
    await page.waitForURL(harness.server.url);
    await page.locator('[data-testid=message-title]:not(:empty)').waitFor({ timeout: 15_000 });
    await page.close();
  });
});

/** A GET with headers of our choosing and no browser in between (what curl or another local program could send). */
function get(target: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port: harness.server.port, path: target, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
  });
}

describe('preview: Origin and Sec-Fetch-Site checks', () => {
  it('refuses reads that name another origin, whatever the route, and writes even from a navigation', async () => {
    const host = `127.0.0.1:${harness.server.port}`;
    for (const route of ['/__txkit/api/workspace', '/', '/src/main.ts', '/@vite/client', '/__txkit/message/order-confirmation/email.html']) {
      await expect(get(route, { host, origin: `http://127.0.0.1:${harness.server.port + 1}` }), route).resolves.toMatchObject({ status: 403 });
      await expect(get(route, { host, origin: 'null' }), route).resolves.toMatchObject({ status: 403 });
      await expect(get(route, { host, 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' }), route).resolves.toMatchObject({
        status: 403,
      });
      await expect(get(route, { host, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' }), route).resolves.toMatchObject(
        { status: 403 },
      );
      await expect(get(route, { host, 'sec-fetch-site': 'same-origin' }), route).resolves.toMatchObject({ status: 200 });
    }
    // A link on another site opens the page and the rendered email (a top-level navigation hands nothing back).
    for (const route of ['/', '/__txkit/message/order-confirmation/email.html']) {
      await expect(
        get(route, { host, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' }),
        route,
      ).resolves.toMatchObject({ status: 200 });
    }
    // No Access-Control-Allow-Origin for anyone: Vite's default CORS is off.
    const answer = await fetch(`${harness.server.url}__txkit/api/workspace`, { headers: { origin: harness.server.url.replace(/\/$/, '') } });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('cross-origin-resource-policy')).toBe('same-origin');

    // A cross-site form post is a navigation: still refused, and the sample is untouched.
    const file = harness.file('order-confirmation/samples/standard.json');
    const before = await readFile(file, 'utf8');
    const post = await fetch(`${harness.server.url}__txkit/api/messages/order-confirmation/samples/standard`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' },
      body: '{"customer":{}}',
    });
    expect(post.status).toBe(403);
    await expect(readFile(file, 'utf8')).resolves.toBe(before);
  });

  it('serves no file outside the UI through /@fs/, encoded ../, absolute or Windows-style paths', async () => {
    // package.json of the package around the UI: inside Vite's default serving allow list.
    const packageJson = await readFile(path.join(repoRoot, 'package.json'), 'utf8');
    const marker = JSON.stringify(JSON.parse(packageJson).description);
    const root = repoRoot.replace(/\/$/, '');
    const attempts = [
      `/@fs${root}/package.json`,
      `/@fs${root}/package.json?raw`,
      `/@fs${root}/package.json?import&raw`,
      `/@fs${root}/package.json?raw??`,
      `/@fs${root}/preview/../package.json`,
      `/@fs${root}/preview/%2e%2e/package.json`,
      `/%2e%2e/package.json`,
      `/..%2fpackage.json`,
      `/src/..%2f..%2fpackage.json`,
      `/src/%2e%2e%2f%2e%2e%2fpackage.json?raw`,
      `/..%5cpackage.json`,
      `/@fs/C:${root}/package.json`,
      `/@fs/${root.replace(/\//g, '\\')}\\package.json`,
      `/@fs${harness.workspace}/order-confirmation/message.yaml`,
      `/@fs/etc/passwd`,
    ];
    for (const target of attempts) {
      const answer = await get(target, { host: `127.0.0.1:${harness.server.port}` });
      expect(answer.body, target).not.toContain(marker);
      expect(answer.body, target).not.toContain('root:x:0:0');
      expect(answer.body, target).not.toContain('engine:');
    }
    // The UI's own modules are still served.
    await expect(get('/src/main.ts', { host: `127.0.0.1:${harness.server.port}` })).resolves.toMatchObject({ status: 200 });
  });
});
