import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { customerioSeedFor, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { executePlan } from '../../src/sync/index.js';
import { loadConfig, loadWorkspace } from '../../src/workspace/index.js';
import { connect, sandboxEnv } from '../sync/customerio-fixtures.js';

const root = path.resolve(import.meta.dirname, '../..');
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

/** The languages of the files translating `body` beside it (`sms.fr.txt` for `sms.txt`), read from the folder. */
function translatedLanguages(folder: string, body: string): string[] {
  const [stem, extension] = [body.slice(0, body.lastIndexOf('.')), body.slice(body.lastIndexOf('.') + 1)];
  const extensions = extension === 'mjml' || extension === 'html' ? ['mjml', 'html'] : [extension];
  return readdirSync(folder).flatMap((file) => {
    const parts = file.split('.');
    return parts.length === 3 && parts[0] === stem && extensions.includes(parts[2]!) ? [parts[1]!] : [];
  });
}

/** The Customer.io ids each example's message.yaml names, with the languages it is translated into, read with a plain YAML parser. */
function idsInExamples(): { email: [number, string[]][]; sms: [number, string[]][]; whatsapp: [number, string[]][] } {
  const ids = { email: [] as [number, string[]][], sms: [] as [number, string[]][], whatsapp: [] as [number, string[]][] };
  for (const id of ['appointment-reminder', 'order-confirmation', 'password-reset', 'shipping-update']) {
    const folder = path.join(root, 'templates', id);
    const yaml = parse(readFileSync(path.join(folder, 'message.yaml'), 'utf8'));
    const target = yaml.targets?.customerio;
    if (target?.transactionalMessageId) ids.email.push([target.transactionalMessageId, translatedLanguages(folder, yaml.email.body)]);
    if (target?.sms?.transactionalMessageId) ids.sms.push([target.sms.transactionalMessageId, translatedLanguages(folder, yaml.sms.body)]);
    // WhatsApp has no translations: its variant is the Default one only.
    if (target?.whatsapp?.transactionalMessageId) ids.whatsapp.push([target.whatsapp.transactionalMessageId, []]);
  }
  return ids;
}

describe('seeding the sandbox with the workspace', () => {
  it('creates every Customer.io message the examples name, with a content of the right channel per language', async () => {
    const { config } = await loadConfig(root);
    sandbox.seed(customerioSeedFor((await loadWorkspace(config)).messages));
    const { email, sms, whatsapp } = idsInExamples();
    expect(email.length + sms.length).toBeGreaterThan(0);
    // The example order confirmation is translated into French: its messages get an fr variant, as Add language makes.
    expect([...email, ...sms].some(([, languages]) => languages.includes('fr'))).toBe(true);
    expect(whatsapp.length).toBeGreaterThan(0);
    const headers = { authorization: `Bearer ${sandbox.options.customerio.appApiKey}` };
    for (const [ids, type] of [
      [email, 'email'],
      [sms, 'twilio'],
      // txkit's modelling of a WhatsApp variant (docs/whatsapp.md): the API reference documents no type.
      [whatsapp, 'whatsapp'],
    ] as const) {
      for (const [id, languages] of ids) {
        const response = await fetch(new URL(`v1/transactional/${id}/contents`, sandbox.url), { headers });
        expect(response.status, `message ${id}`).toBe(200);
        const { contents } = (await response.json()) as { contents: { type: string; language: string }[] };
        expect(contents).toEqual(['', ...languages].map((language) => expect.objectContaining({ type, language })));
      }
    }
  });

  it('lets the example workspace push every language to a fresh sandbox, and push again without a write', async () => {
    const fresh = await startSandbox();
    try {
      const { config } = await loadConfig(root);
      const workspace = await loadWorkspace(config);
      fresh.seed(customerioSeedFor(workspace.messages));
      const connection = await connect(workspace, sandboxEnv(fresh));
      const plan = await connection.plan(workspace.messages);
      // shipping-update's WhatsApp notes (template parts left to the UI, Meta's re-approval) are not errors.
      expect(plan.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
      const { email, sms } = idsInExamples();
      const translated = [...email, ...sms].flatMap(([id, languages]) => languages.map((language) => `${id}/language/${language}`));
      expect(plan.steps.map((step) => step.key)).toEqual(expect.arrayContaining(translated));
      const report = await executePlan(plan);
      expect(report.failed).toEqual([]);
      const before = fresh.requests.length;
      const again = await connection.plan(workspace.messages);
      expect(again.steps.filter((step) => step.action !== 'unchanged')).toEqual([]);
      expect(fresh.requests.slice(before).filter((request) => request.write)).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
