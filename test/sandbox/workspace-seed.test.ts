import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { customerioSeedFor, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { loadConfig, loadWorkspace } from '../../src/workspace/index.js';

const root = path.resolve(import.meta.dirname, '../..');
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

/** The Customer.io ids each example's message.yaml names, read with a plain YAML parser. */
function idsInExamples(): { email: number[]; sms: number[]; whatsapp: number[] } {
  const ids = { email: [] as number[], sms: [] as number[], whatsapp: [] as number[] };
  for (const id of ['appointment-reminder', 'order-confirmation', 'password-reset', 'shipping-update']) {
    const target = parse(readFileSync(path.join(root, 'templates', id, 'message.yaml'), 'utf8')).targets?.customerio;
    if (target?.transactionalMessageId) ids.email.push(target.transactionalMessageId);
    if (target?.sms?.transactionalMessageId) ids.sms.push(target.sms.transactionalMessageId);
    if (target?.whatsapp?.transactionalMessageId) ids.whatsapp.push(target.whatsapp.transactionalMessageId);
  }
  return ids;
}

describe('seeding the sandbox with the workspace', () => {
  it('creates every Customer.io message the examples name, with a content of the right channel', async () => {
    const { config } = await loadConfig(root);
    sandbox.seed(customerioSeedFor((await loadWorkspace(config)).messages));
    const { email, sms, whatsapp } = idsInExamples();
    expect(email.length + sms.length).toBeGreaterThan(0);
    expect(whatsapp.length).toBeGreaterThan(0);
    const headers = { authorization: `Bearer ${sandbox.options.customerio.appApiKey}` };
    for (const [ids, type] of [
      [email, 'email'],
      [sms, 'twilio'],
      // txkit's modelling of a WhatsApp variant (docs/whatsapp.md): the API reference documents no type.
      [whatsapp, 'whatsapp'],
    ] as const) {
      for (const id of ids) {
        const response = await fetch(new URL(`v1/transactional/${id}/contents`, sandbox.url), { headers });
        expect(response.status, `message ${id}`).toBe(200);
        const { contents } = (await response.json()) as { contents: { type: string; language: string }[] };
        expect(contents).toEqual([expect.objectContaining({ type, language: '' })]);
      }
    }
  });
});
