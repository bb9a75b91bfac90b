import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig, loadWorkspace, type Message } from '../../src/workspace/index.js';
import { positionOf } from '../helpers/text-position.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const fixtureWorkspace = fileURLToPath(new URL('../fixtures/workspace', import.meta.url));

async function load(workspace: string) {
  const { config, diagnostics } = await loadConfig(repoRoot, { workspace });
  expect(diagnostics).toEqual([]);
  return loadWorkspace(config);
}

function byId(messages: Message[], id: string): Message {
  const message = messages.find((candidate) => candidate.id === id);
  if (!message) throw new Error(`no message ${id}`);
  return message;
}

describe('loadWorkspace: the example workspace (templates/)', () => {
  it('loads the four example messages with no problems', async () => {
    const workspace = await load(path.join(repoRoot, 'templates'));
    expect(workspace.broken).toEqual([]);
    expect(workspace.messages.flatMap((message) => message.diagnostics)).toEqual([]);
    expect(workspace.messages.map((message) => message.id)).toEqual(
      expect.arrayContaining(['appointment-reminder', 'order-confirmation', 'password-reset', 'shipping-update']),
    );
    expect(workspace.messages.map((message) => message.id)).not.toContain('_partials');
  });

  it('reads each message.yaml as the yaml library does, with the schema defaults filled in', async () => {
    // The examples evolve with the project, so compare with an independent parse of each file.
    const { messages } = await load(path.join(repoRoot, 'templates'));
    for (const message of messages) {
      const raw = parse(await readFile(message.file, 'utf8')) as { name: string; engine?: string; email?: { body?: string }; sms?: { maxSegments?: number } };
      expect(message.definition.name).toBe(raw.name);
      expect(message.definition.engine).toBe(raw.engine ?? 'liquid');
      expect(message.email === undefined, `${message.id} email`).toBe(raw.email === undefined);
      expect(message.sms === undefined, `${message.id} sms`).toBe(raw.sms === undefined);
      if (raw.email) expect(message.email?.bodyKind).toBe((raw.email.body ?? 'email.mjml').endsWith('.mjml') ? 'mjml' : 'html');
      if (raw.sms) expect(message.sms?.definition.maxSegments).toBe(raw.sms.maxSegments ?? 1);
      const sampleFiles = (await readdir(path.join(message.dir, 'samples'))).filter((name) => name.endsWith('.json'));
      expect(message.samples.map((sample) => `${sample.name}.json`)).toEqual(sampleFiles.sort());
    }
  });

  it('knows the example engines and channels', async () => {
    const { messages } = await load(path.join(repoRoot, 'templates'));
    expect(byId(messages, 'password-reset').definition.engine).toBe('handlebars');
    expect(byId(messages, 'order-confirmation').email?.bodyKind).toBe('mjml');
    expect(byId(messages, 'appointment-reminder').email?.text?.file).toBe(path.join(repoRoot, 'templates/appointment-reminder/email.txt'));
    expect(byId(messages, 'shipping-update').email).toBeUndefined();
  });

  it('gives each sample the data of its JSON file', async () => {
    const { messages } = await load(path.join(repoRoot, 'templates'));
    const file = path.join(repoRoot, 'templates/order-confirmation/samples/standard.json');
    const sample = byId(messages, 'order-confirmation').samples.find((candidate) => candidate.name === 'standard');
    expect(sample?.file).toBe(file);
    expect(sample?.data).toEqual(JSON.parse(await readFile(file, 'utf8')));
  });

  it('maps the inline subject template back into message.yaml', async () => {
    const { messages } = await load(path.join(repoRoot, 'templates'));
    const order = byId(messages, 'order-confirmation');
    const yaml = await readFile(order.file, 'utf8');
    const subject = order.email!.subject;
    expect(subject.file).toBe(order.file);
    expect(subject.text).toBe('Order {{ trigger.order_id }} confirmed');
    // Line 7 is `  subject: "Order {{ ... }}"`: the value starts after 2 spaces, `subject:`, a space and the quote.
    expect(subject.locate(0)).toEqual({ line: 7, column: 13 });
    expect(subject.locate(subject.text.indexOf('trigger'))).toEqual(positionOf(yaml, 'trigger.order_id }} confirmed'));
  });
});

describe('loadWorkspace: the test fixture workspace', () => {
  it('loads every folder with a message.yaml, skipping _folders and folders without one', async () => {
    const workspace = await load(fixtureWorkspace);
    expect(workspace.root).toBe(fixtureWorkspace);
    expect(workspace.messages.map((message) => message.id)).toEqual(['receipt', 'welcome-sms']);
    expect(workspace.broken).toEqual([]);
    expect(workspace.messages.flatMap((message) => message.diagnostics)).toEqual([]);
  });

  it('applies the schema defaults (engine liquid, sms body sms.txt, one segment)', async () => {
    const welcome = byId((await load(fixtureWorkspace)).messages, 'welcome-sms');
    expect(welcome.definition.engine).toBe('liquid');
    expect(welcome.sms?.definition.body).toBe('sms.txt');
    expect(welcome.sms?.definition.maxSegments).toBe(1);
    expect(welcome.sms?.body.file).toBe(path.join(fixtureWorkspace, 'welcome-sms/sms.txt'));
    // The trailing newline editors add is not part of the SMS.
    expect(welcome.sms?.body.text).toBe('Welcome {{ customer.first_name | default: "friend" }}! Your code is {{ trigger.code }}.');
    expect(welcome.samples.map((sample) => sample.name)).toEqual(['no-name', 'standard']);
    expect(welcome.definition.targets).toEqual({});
  });

  it('loads an HTML email with an explicit text part and inline templates in each scalar style', async () => {
    const receipt = byId((await load(fixtureWorkspace)).messages, 'receipt');
    const yaml = await readFile(receipt.file, 'utf8');
    expect(receipt.definition.engine).toBe('handlebars');
    expect(receipt.email?.bodyKind).toBe('html');
    expect(receipt.email?.body.text).toContain('{{#each trigger.lines}}');
    expect(receipt.email?.text?.text).toContain('- {{this.label}}: {{this.amount}}');
    // Plain scalar, single-quoted scalar, double-quoted scalar.
    expect(receipt.email?.subject.text).toBe('Your receipt {{trigger.receipt_id}}');
    expect(receipt.email?.subject.locate(0)).toEqual(positionOf(yaml, 'Your receipt'));
    expect(receipt.email?.preheader?.text).toBe('Thanks, {{customer.first_name}}');
    expect(receipt.email?.preheader?.locate(8)).toEqual(positionOf(yaml, '{{customer.first_name}}'));
    expect(receipt.email?.from.text).toBe('Shop <shop@example.com>');
    expect(receipt.email?.from.locate(0)).toEqual(positionOf(yaml, 'Shop <'));
    expect(receipt.definition.targets.sfmc?.definitionKey).toBe('receipt');
  });
});
