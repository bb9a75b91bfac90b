import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocalHost } from '../../src/preview/index.js';
import { launchChromium } from './chromium.js';
import { startHarness, type PreviewHarness } from './preview-harness.js';

let harness: PreviewHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

/** A request with a Host header of our choosing (fetch does not let one set Host). */
function get(path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port: harness.server.port, path, headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
  });
}

/** The first words of txkit's refusal; Vite's own Host check answers "Blocked request. This host (…) is not allowed". */
const txkitRefusal = 'txkit preview: blocked a request for host';

describe('txkit dev: DNS rebinding protection', () => {
  // Vite's own Host check refuses attacker.example too (with a 403 telling the user to edit
  // vite.config.js), so each case checks that txkit's check is the one that answered.
  it("answers a foreign Host header with txkit's refusal, on every route", async () => {
    const routes = [
      '/',
      '/__txkit/api/workspace',
      '/__txkit/api/messages/order-confirmation/samples/standard',
      '/src/main.ts',
      '/@vite/client',
      `/@fs${harness.workspace}/order-confirmation/message.yaml`,
    ];
    for (const path of routes) {
      for (const host of ['attacker.example', `attacker.example:${harness.server.port}`]) {
        const response = await get(path, host);
        expect(response, `${host}${path}`).toMatchObject({ status: 403 });
        expect(response.body, `${host}${path}`).toContain(`${txkitRefusal} "${host}"`);
        expect(response.body).not.toContain('vite.config');
        expect(response.body).not.toContain(harness.workspace);
      }
    }
  });

  it("refuses an IP literal that is not this machine, which Vite's own check lets through", async () => {
    // The server is bound to 127.0.0.1; Vite accepts any IP literal as Host.
    for (const host of ['192.0.2.10', `192.0.2.10:${harness.server.port}`, '[2001:db8::1]']) {
      const response = await get('/__txkit/api/workspace', host);
      expect(response, host).toMatchObject({ status: 403 });
      expect(response.body, host).toContain(txkitRefusal);
    }
  });

  it('refuses a page whose DNS name was rebound to 127.0.0.1, in Chromium', { timeout: 60_000 }, async () => {
    // Chromium resolves attacker.example to 127.0.0.1, as a rebinding DNS server would make it.
    const browser = await launchChromium(['--host-resolver-rules=MAP attacker.example 127.0.0.1']);
    try {
      const page = await browser.newPage();
      const response = await page.goto(`http://attacker.example:${harness.server.port}/__txkit/api/workspace`);
      expect(response?.status()).toBe(403);
      const text = await page.locator('body').innerText();
      expect(text).toContain(`${txkitRefusal} "attacker.example:${harness.server.port}"`);
      expect(text).not.toContain(harness.workspace);
      // The page's own script (same origin as far as the browser knows) reads nothing either.
      const read = await page.evaluate(async () => (await fetch('/__txkit/api/messages/order-confirmation')).status);
      expect(read).toBe(403);
    } finally {
      await browser.close();
    }
  });

  it('serves loopback names and addresses', async () => {
    for (const host of [`localhost:${harness.server.port}`, `127.0.0.1:${harness.server.port}`, `[::1]:${harness.server.port}`]) {
      const response = await get('/__txkit/api/workspace', host);
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toMatchObject({ root: harness.workspace });
    }
  });

  it('accepts the bound address, and any IP literal only when listening on every interface', () => {
    expect(isLocalHost('192.168.1.20:5173', '192.168.1.20')).toBe(true);
    expect(isLocalHost('192.168.1.20:5173', '0.0.0.0')).toBe(true);
    expect(isLocalHost('192.168.1.20:5173', '127.0.0.1')).toBe(false);
    expect(isLocalHost('attacker.example', '0.0.0.0')).toBe(false);
    expect(isLocalHost('app.localhost:5173', '127.0.0.1')).toBe(true);
    expect(isLocalHost('127.0.0.2', '127.0.0.1')).toBe(true);
    expect(isLocalHost(undefined, '127.0.0.1')).toBe(false);
  });
});
