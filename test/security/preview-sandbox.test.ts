import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailText, startHarness, type PreviewHarness } from '../browser/preview-harness.js';

/**
 * A rendered email cannot run script in the preview: an email full of script vectors is shown
 * in real Chromium, and a local server on 127.0.0.1 records what the page fetched. The email's
 * plain image must arrive (the control: the HTML was shown and could reach the server); no
 * request that only script, a javascript: link or a form could make may arrive.
 */

let harness: PreviewHarness;
let hits: string[];
let hitServer: Server;
let hitUrl: string;

beforeAll(async () => {
  hits = [];
  hitServer = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.writeHead(request.url?.startsWith('/control') ? 200 : 404, { 'content-type': 'image/gif' }).end();
  });
  await new Promise<void>((resolve) => hitServer.listen(0, '127.0.0.1', resolve));
  hitUrl = `http://127.0.0.1:${(hitServer.address() as AddressInfo).port}`;
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
  await new Promise((resolve) => hitServer.close(resolve));
});

function hostileMarkup(): string {
  const report = (name: string) => `new Image().src='${hitUrl}/script/${name}'`;
  return [
    `<img src="${hitUrl}/control/image.gif" alt="control">`,
    `<script>${report('inline')}</script>`,
    `<img src="${hitUrl}/missing.gif" alt="" onerror="${report('onerror')}">`,
    `<svg onload="${report('svg-onload')}"></svg>`,
    `<iframe srcdoc="<script>${report('nested-frame').replace(/'/g, '&#39;')}</script>"></iframe>`,
    `<object data="data:text/html,<script>${report('object')}</script>"></object>`,
    `<a id="javascript-link" href="javascript:${report('javascript-url')}">javascript link</a>`,
    `<form action="${hitUrl}/script/form" method="get"><button id="form-submit" type="submit">submit</button></form>`,
  ].join('\n');
}

describe('preview: the email frame is sandboxed', () => {
  it('runs no script of the email, follows no javascript: link and submits no form', async () => {
    const body = harness.file('appointment-reminder/email.html');
    const html = await readFile(body, 'utf8');
    await writeFile(body, html.replace('</body>', `${hostileMarkup()}\n</body>`));

    const page = await harness.openPage('#/appointment-reminder?sample=standard');
    const frameElement = page.locator('[data-testid=email-frame]');
    await expect.poll(() => emailText(page), { timeout: 15_000 }).toContain('javascript link');
    await expect.poll(() => hits.some((hit) => hit.startsWith('/control/')), { timeout: 10_000 }).toBe(true);

    // The sandbox attribute is there and grants only popups (links open in a new tab); the measuring twin may not run script either.
    await expect(frameElement.getAttribute('sandbox')).resolves.toBe('allow-popups allow-popups-to-escape-sandbox');
    const twinSandbox = await page.locator('iframe.email-twin').getAttribute('sandbox');
    expect(twinSandbox?.split(/\s+/)).not.toContain('allow-scripts');

    const frame = page.frameLocator('[data-testid=email-frame]');
    await frame.locator('#javascript-link').click();
    await frame.locator('#form-submit').click();
    // Give anything that did run time to report: the page settles, then one more round trip to the server.
    await page.waitForLoadState('networkidle');
    await fetch(`${hitUrl}/control/after`);

    expect(hits.filter((hit) => hit.startsWith('/script/'))).toEqual([]);
    // The frame still shows the email: nothing navigated it away.
    expect(await emailText(page)).toContain('javascript link');
    await page.close();
  });
});
