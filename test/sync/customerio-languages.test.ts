import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import type { CustomerioMessageSeed } from '../../src/sandbox/index.js';
import { loadConfig } from '../../src/workspace/index.js';
import { appKey, cioKey, get, post } from '../helpers/app-requests.js';
import { runCli } from '../helpers/run-cli.js';
import { useSandboxes } from '../helpers/sandboxes.js';
import { positionOf } from '../helpers/text-position.js';
import { parse } from 'yaml';
import {
  connect,
  copyExamples,
  emptyWorkspace,
  exampleSeeds,
  exampleYaml,
  examples,
  openWorkspace,
  push,
  sandboxEnv,
  writeMessage,
} from './customerio-fixtures.js';

/**
 * The example order confirmation is translated into French (email.fr.mjml, sms.fr.txt,
 * email.translations.fr in message.yaml). Customer.io holds one content variant per language in
 * a transactional message, each with its `language` ('' = Default), and sends a person the one
 * matching their language exactly, else the Default one
 * (https://docs.customer.io/journeys/localization-attribute/).
 */
const messageId = 'order-confirmation';

/** The Customer.io ids its message.yaml names. */
async function ids() {
  const { targets } = await exampleYaml(messageId);
  return { email: Number(targets.customerio.transactionalMessageId), sms: Number(targets.customerio.sms.transactionalMessageId) };
}

/** The plan's diagnostics but the notes on shipping-update's WhatsApp (a channel without translations). */
const languageProblems = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((diagnostic) => !diagnostic.ruleId.startsWith('customerio/whatsapp-'));

describe('Customer.io push of translations', () => {
  const startSandbox = useSandboxes();

  /** The examples, pushed to a sandbox holding `seeds` (default: every example's variants, French included). */
  async function pushExamples(edit: (seeds: CustomerioMessageSeed[]) => CustomerioMessageSeed[] = (seeds) => seeds) {
    // The test's own reads come on top of the push's paced ones: no rate limit here (customerio-rate-limit.test.ts has it).
    const sandbox = await startSandbox({ rateLimits: { customerioAppPerSecond: Infinity } });
    sandbox.seed({ customerio: { messages: edit(await exampleSeeds()) } });
    const workspaceDir = await copyExamples();
    const workspace = await openWorkspace(workspaceDir);
    const connection = await connect(workspace, sandboxEnv(sandbox));
    const { plan, report } = await push(connection, workspace);
    return { sandbox, workspaceDir, workspace, connection, plan, report };
  }

  /** A variant as an application reads it back: `GET /v1/transactional/{id}/language/{language}`. */
  async function variant(url: string, id: number, language: string) {
    const answer = await get(url, `/v1/transactional/${id}/language/${language}`, appKey);
    expect(answer.status).toBe(200);
    return answer.body.content as Record<string, unknown>;
  }

  it('writes the French email and SMS to the fr variants and the English ones to the Default variants', async () => {
    const { sandbox, plan, report } = await pushExamples();
    expect(languageProblems(plan.diagnostics)).toEqual([]);
    expect(report.failed).toEqual([]);
    const { email: emailId, sms: smsId } = await ids();
    const yaml = await exampleYaml(messageId);
    const source = (file: string) => readFile(path.join(examples, messageId, file), 'utf8');

    const frenchEmail = await variant(sandbox.url, emailId, 'fr');
    expect(frenchEmail).toMatchObject({
      language: 'fr',
      subject: yaml.email.translations.fr.subject,
      preheader_text: yaml.email.translations.fr.preheader,
      recipient: '{{customer.email}}',
    });
    // The compiled MJML of email.fr.mjml: its French text, and its Liquid intact for Customer.io.
    const frenchMjml = await source('email.fr.mjml');
    expect(frenchEmail.body).toMatch(/^<!doctype html>/i);
    expect(frenchEmail.body).toContain('Voir votre commande');
    for (const [tag] of frenchMjml.matchAll(/\{\{[^}]*\}\}/g)) expect(frenchEmail.body).toContain(tag);

    const englishEmail = await variant(sandbox.url, emailId, '');
    expect(englishEmail).toMatchObject({ language: '', subject: yaml.email.subject, preheader_text: yaml.email.preheader });
    expect(englishEmail.body).not.toContain('Voir votre commande');

    expect(await variant(sandbox.url, smsId, 'fr')).toMatchObject({ body: (await source('sms.fr.txt')).trimEnd(), recipient: yaml.sms.to });
    expect(await variant(sandbox.url, smsId, '')).toMatchObject({ body: (await source('sms.txt')).trimEnd() });

    // Each language is its own step, keyed (and written) by its language.
    const writes = sandbox.requests.filter((request) => request.write && request.path.includes('/language/'));
    expect(writes.map((request) => `${request.method} ${request.path} ${request.status}`).sort()).toEqual(
      [`PUT /v1/transactional/${emailId}/language/fr 200`, `PUT /v1/transactional/${smsId}/language/fr 200`].sort(),
    );
  });

  it('makes no write when the translations are pushed again', async () => {
    const { sandbox, workspace, connection } = await pushExamples();
    const before = sandbox.requests.length;
    const again = await push(connection, workspace);
    const { email, sms } = await ids();
    expect(again.plan.steps.filter((step) => step.key.includes('/language/')).map((step) => [step.key, step.action])).toEqual(
      expect.arrayContaining([
        [`${email}/language/fr`, 'unchanged'],
        [`${sms}/language/fr`, 'unchanged'],
      ]),
    );
    expect(sandbox.requests.slice(before).filter((request) => request.write)).toEqual([]);
  });

  it('reports a missing fr variant at the French file, and still publishes the other languages', async () => {
    const { email, sms } = await ids();
    const withoutFrenchEmail = (seeds: CustomerioMessageSeed[]) =>
      seeds.map((seed) => (seed.id === email ? { ...seed, contents: seed.contents!.filter((content) => content.language === '') } : seed));
    const { sandbox, workspaceDir, plan, report } = await pushExamples(withoutFrenchEmail);
    expect(languageProblems(plan.diagnostics)).toEqual([
      expect.objectContaining({
        ruleId: 'customerio/missing-language',
        severity: 'error',
        file: path.join(workspaceDir, messageId, 'email.fr.mjml'),
        line: 1,
        column: 1,
        message: expect.stringContaining(`transactional message ${email} has no email content for language "fr"`),
        hint: expect.stringContaining('Add language'),
      }),
    ]);
    expect(report.failed).toEqual([]);
    const yaml = await exampleYaml(messageId);
    expect(await variant(sandbox.url, email, '')).toMatchObject({ subject: yaml.email.subject });
    expect((await variant(sandbox.url, sms, 'fr')).body).toBe((await readFile(path.join(examples, messageId, 'sms.fr.txt'), 'utf8')).trimEnd());
  });

  it('warns that Customer.io sends a variant in a language the workspace does not translate, and leaves it alone', async () => {
    const { email } = await ids();
    const withGerman = (seeds: CustomerioMessageSeed[]) =>
      seeds.map((seed) =>
        seed.id === email
          ? { ...seed, contents: [...seed.contents!, { id: 9999, type: 'email' as const, language: 'de', subject: 'Bestellung', body: '<p>Alt</p>' }] }
          : seed,
      );
    const { sandbox, workspaceDir, plan } = await pushExamples(withGerman);
    const yamlText = await readFile(path.join(examples, messageId, 'message.yaml'), 'utf8');
    // At the id, where message.yaml names the transactional message.
    const key = positionOf(yamlText, `transactionalMessageId: ${email}`);
    expect(languageProblems(plan.diagnostics)).toEqual([
      expect.objectContaining({
        ruleId: 'customerio/untranslated-variant',
        severity: 'warning',
        file: path.join(workspaceDir, messageId, 'message.yaml'),
        line: key.line,
        column: key.column + 'transactionalMessageId: '.length,
        message: expect.stringMatching(/"de" \(German\).*sends that content, not the default, to people whose language is de/),
        hint: expect.stringContaining('email.de.mjml'),
      }),
    ]);
    expect(await variant(sandbox.url, email, 'de')).toMatchObject({ subject: 'Bestellung', body: '<p>Alt</p>' });
  });
});

describe('Customer.io push: which languages a channel publishes', () => {
  const startSandbox = useSandboxes();

  /** A message with email and SMS, translated into French for the email only, published to messages 5 (email) and 6 (SMS). */
  const yaml = (emailLanguage?: string) =>
    [
      'name: Welcome',
      'engine: liquid',
      'email:',
      '  subject: "Hello"',
      '  from: "Shop <shop@example.com>"',
      '  body: email.html',
      '  translations:',
      '    fr: { subject: "Bonjour" }',
      'sms:',
      '  body: sms.txt',
      '  to: "{{ customer.phone }}"',
      'targets:',
      '  customerio:',
      '    transactionalMessageId: 5',
      ...(emailLanguage ? [`    language: ${emailLanguage}`] : []),
      '    sms: { transactionalMessageId: 6 }',
      '',
    ].join('\n');

  async function plan(emailLanguage?: string) {
    const sandbox = await startSandbox();
    const variant = (id: number, language: string, type: 'email' | 'twilio') => ({
      id,
      language,
      type,
      from: type === 'email' ? 'Shop <shop@example.com>' : '',
    });
    sandbox.seed({
      customerio: {
        messages: [
          { id: 5, name: 'Welcome', contents: [variant(50, '', 'email'), variant(51, 'fr', 'email')] },
          { id: 6, name: 'Welcome SMS', contents: [variant(60, '', 'twilio')] },
        ],
      },
    });
    const workspaceDir = await emptyWorkspace();
    const dir = await writeMessage(workspaceDir, 'welcome', {
      'message.yaml': yaml(emailLanguage),
      'email.html': '<p>Hello</p>\n',
      'email.fr.html': '<p>Bonjour</p>\n',
      'sms.txt': 'Hello\n',
    });
    const workspace = await openWorkspace(workspaceDir);
    return { dir, plan: await (await connect(workspace, sandboxEnv(sandbox))).plan(workspace.messages) };
  }

  it('publishes nothing for a channel the translation lacks: its people get the Default content, no variant is needed', async () => {
    const { plan: planned } = await plan();
    expect(planned.diagnostics).toEqual([]);
    expect(planned.steps.map((step) => step.key).sort()).toEqual(['5/content/50', '5/language/fr', '6/content/60']);
  });

  it('refuses a translation into the variant the default language already publishes to, at the translated file', async () => {
    const { dir, plan: planned } = await plan('fr');
    expect(planned.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'customerio/duplicate-target', severity: 'error', file: path.join(dir, 'email.fr.html'), line: 1, column: 1 }),
    ]);
    // The default language's files go to the fr variant, once.
    expect(planned.steps.map((step) => step.key).sort()).toEqual(['5/content/51', '6/content/60']);
  });
});

describe('Customer.io pull of translations', () => {
  const startSandbox = useSandboxes();

  /** A sandbox holding the examples as pushed (every language), and a copy of the examples without order-confirmation. */
  async function publishedElsewhere(config?: string) {
    const sandbox = await startSandbox({ rateLimits: { customerioAppPerSecond: Infinity } });
    sandbox.seed({ customerio: { messages: await exampleSeeds() } });
    const publisher = await openWorkspace(await copyExamples());
    const published = await push(await connect(publisher, sandboxEnv(sandbox)), publisher);
    expect(published.report.failed).toEqual([]);
    const workspaceDir = await copyExamples();
    await rm(path.join(workspaceDir, messageId), { recursive: true });
    if (config !== undefined) await writeFile(path.join(path.dirname(workspaceDir), 'txkit.config.yaml'), config);
    const workspace = await openWorkspace(workspaceDir);
    const connection = await connect(workspace, sandboxEnv(sandbox));
    return { sandbox, workspaceDir, connection, pulled: await connection.pull!(workspace.messages) };
  }

  it('brings back every language of a message: the bodies beside the default ones, the subjects in message.yaml, a sample each', async () => {
    const { sandbox, workspaceDir, connection, pulled } = await publishedElsewhere();
    expect(pulled.diagnostics).toEqual([]);
    const original = await exampleYaml(messageId);
    const emailId = Number(original.targets.customerio.transactionalMessageId);
    const smsId = Number(original.targets.customerio.sms.transactionalMessageId);
    const folderOf = (id: number) =>
      pulled.messages.find((message) => {
        const target = parse(message.files['message.yaml']!).targets.customerio;
        return (target.transactionalMessageId ?? target.sms.transactionalMessageId) === id;
      })!;

    const email = folderOf(emailId);
    const emailYaml = parse(email.files['message.yaml']!);
    expect(emailYaml.email).toMatchObject({ subject: original.email.subject, preheader: original.email.preheader, body: 'email.html' });
    expect(emailYaml.email.translations).toEqual({
      fr: { subject: original.email.translations.fr.subject, preheader: original.email.translations.fr.preheader },
    });
    // The French body as Customer.io holds it (the compiled email.fr.mjml).
    const frenchBody = (await get(sandbox.url, `/v1/transactional/${emailId}/language/fr`, appKey)).body.content.body as string;
    expect(email.files['email.fr.html']).toBe(`${frenchBody}\n`);
    const frenchSample = JSON.parse(email.files['samples/example-fr.json']!);
    expect(frenchSample).toMatchObject({ language: 'fr', customer: { email: '' }, trigger: { order_id: '', order_url: '' } });

    const sms = folderOf(smsId);
    expect(sms.files['sms.fr.txt']).toBe(await readFile(path.join(examples, messageId, 'sms.fr.txt'), 'utf8'));
    expect(JSON.parse(sms.files['samples/example-fr.json']!)).toMatchObject({ language: 'fr', trigger: { order_id: '', order_url: '' } });

    // Written and loaded, the folders publish what Customer.io has: nothing to write.
    for (const message of [email, sms]) await writeMessage(workspaceDir, message.id, message.files);
    const reloaded = await openWorkspace(workspaceDir);
    const fresh = reloaded.messages.filter((message) => message.id === email.id || message.id === sms.id);
    expect(fresh.flatMap((message) => message.diagnostics)).toEqual([]);
    expect(fresh.map((message) => message.translations?.map((translation) => translation.language))).toEqual([['fr'], ['fr']]);
    const before = sandbox.requests.length;
    const plan = await connection.plan(fresh);
    expect(languageProblems(plan.diagnostics)).toEqual([]);
    expect(plan.drift).toEqual([]);
    expect(plan.steps.map((step) => [step.key, step.action]).sort()).toEqual(
      [
        [`${emailId}/content/${emailId * 10}`, 'unchanged'],
        [`${emailId}/language/fr`, 'unchanged'],
        [`${smsId}/content/${smsId * 10}`, 'unchanged'],
        [`${smsId}/language/fr`, 'unchanged'],
      ].sort(),
    );
    expect(sandbox.requests.slice(before).filter((request) => request.write)).toEqual([]);
  });

  it("warns once, naming the fix, when txkit.config.yaml's locales lack a pulled language", async () => {
    const config = 'locales:\n  default: en\n  languages: [en, de]\n';
    const { workspaceDir, pulled } = await publishedElsewhere(config);
    expect(pulled.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'customerio/pulled-language',
        severity: 'warning',
        file: path.join(path.dirname(workspaceDir), 'txkit.config.yaml'),
        line: 1,
        column: 1,
        message: expect.stringContaining('French translation ("fr") is not a language of this workspace'),
        hint: 'add fr to locales.languages in txkit.config.yaml',
      }),
    ]);
  });
});

describe('Customer.io test send in a language', () => {
  const startSandbox = useSandboxes();

  /** The examples pushed to a sandbox that renders its sends from them, and a `txkit` run in the project. */
  async function published() {
    const workspaceDir = await copyExamples();
    const project = path.dirname(workspaceDir);
    const { config } = await loadConfig(project);
    const sandbox = await startSandbox({ workspace: { config } });
    sandbox.seed({ customerio: { messages: await exampleSeeds() } });
    const workspace = await openWorkspace(workspaceDir);
    expect((await push(await connect(workspace, sandboxEnv(sandbox)), workspace)).report.failed).toEqual([]);
    const env = { ...sandboxEnv(sandbox), CUSTOMERIO_REGION: undefined, NO_COLOR: '1' };
    const txkit = (args: string[]) => runCli(args, { cwd: project, env });
    return { sandbox, txkit };
  }

  const frenchSample = async () => JSON.parse(await readFile(path.join(examples, messageId, 'samples', 'standard-fr.json'), 'utf8'));

  it("sends with Customer.io's language parameter and a sample of that language", async () => {
    const { sandbox, txkit } = await published();
    const result = await txkit(['send', messageId, '--target', 'customerio', '--to', 'qa@example.com', '--language', 'fr']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const sample = await frenchSample();
    expect(sample.language).toBe('fr');
    const delivery = sandbox.state.customerio.deliveries.at(-1)!;
    expect(result.stdout).toContain(delivery.delivery_id);
    const yaml = await exampleYaml(messageId);
    expect(delivery.request).toEqual({
      transactional_message_id: yaml.targets.customerio.transactionalMessageId,
      identifiers: { email: sample.customer.email },
      to: 'qa@example.com',
      message_data: sample.trigger,
      language: 'fr',
    });
    // The sandbox renders the French translation for it, as Customer.io sends the fr variant.
    expect(delivery.subject).toBe(yaml.email.translations.fr.subject.replace('{{ trigger.order_id }}', sample.trigger.order_id));
  });

  it('sends the French SMS the same way', async () => {
    const { sandbox, txkit } = await published();
    const sample = await frenchSample();
    const result = await txkit(['send', messageId, '--target', 'customerio', '--to', sample.customer.phone, '--channel', 'sms', '--language', 'fr']);
    expect(result.code, result.stderr).toBe(0);
    const delivery = sandbox.state.customerio.deliveries.at(-1)!;
    expect(delivery).toMatchObject({ channel: 'sms', request: { language: 'fr', message_data: sample.trigger, to: sample.customer.phone } });
  });

  it('sends the default language without a language parameter, and refuses a language the message lacks (exit 2)', async () => {
    const { sandbox, txkit } = await published();
    expect((await txkit(['send', messageId, '--target', 'customerio', '--to', 'qa@example.com'])).code).toBe(0);
    expect(sandbox.state.customerio.deliveries.at(-1)!.request).not.toHaveProperty('language');
    const before = sandbox.requests.length;
    const refused = await txkit(['send', messageId, '--target', 'customerio', '--to', 'qa@example.com', '--language', 'de']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('has no language "de"');
    expect(sandbox.requests.slice(before).filter((request) => request.path.startsWith('/v1/send'))).toEqual([]);
  });

  it('documents --language in send --help', async () => {
    const help = await runCli(['send', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/-l, --language <code>/);
  });

  it('has the emulator take a two- or four-letter language code and refuse anything else, as Customer.io documents', async () => {
    const sandbox = await startSandbox();
    sandbox.seed({ customerio: { messages: await exampleSeeds() } });
    const { email } = await ids();
    const send = (language: unknown) =>
      post(sandbox.url, '/v1/send/email', cioKey, { transactional_message_id: email, identifiers: { id: 'ada' }, to: 'ada@example.com', language });
    expect((await send('fr')).status).toBe(200);
    expect((await send('fr-CA')).status).toBe(200);
    for (const bad of ['french', 'f', 42]) {
      const answer = await send(bad);
      expect(answer.status, String(bad)).toBe(400);
      expect(JSON.stringify(answer.body)).toContain('language');
    }
  });
});
