import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocalHost } from '../../src/preview/index.js';
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

describe('txkit dev: DNS rebinding protection', () => {
  it('answers 403 to a foreign Host header, on the page and on the API', async () => {
    for (const path of ['/', '/__txkit/api/workspace', '/__txkit/api/messages/order-confirmation/samples/standard']) {
      await expect(get(path, 'attacker.example')).resolves.toMatchObject({ status: 403 });
      await expect(get(path, `attacker.example:${harness.server.port}`)).resolves.toMatchObject({ status: 403 });
    }
    // An IP literal that is not this machine's loopback (the server is bound to 127.0.0.1).
    await expect(get('/__txkit/api/workspace', '192.0.2.10')).resolves.toMatchObject({ status: 403 });
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
