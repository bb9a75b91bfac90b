import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { createEngines } from '../../src/render/index.js';
import type { CustomerioMessageSeed, Sandbox } from '../../src/sandbox/index.js';
import { createCustomerioTarget, type CustomerioTargetOptions } from '../../src/sync/customerio/index.js';
import { executePlan, secretValues, type SyncConnection, type SyncContext } from '../../src/sync/index.js';
import { loadConfig, loadWorkspace, type Workspace } from '../../src/workspace/index.js';

export const examples = path.resolve(import.meta.dirname, '../../templates');

/** Quick retries: the behaviour under test is the same, the waits are not. */
export const fastRetry = { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 2_000 };

/** A copy of the example workspace in a temp folder, safe to edit. */
export async function copyExamples(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'txkit-cio-'));
  await cp(examples, path.join(root, 'templates'), { recursive: true });
  return path.join(root, 'templates');
}

export async function openWorkspace(workspaceDir: string): Promise<Workspace> {
  const { config } = await loadConfig(path.dirname(workspaceDir), { workspace: workspaceDir });
  return loadWorkspace(config);
}

/** The environment a user sets to publish to the sandbox instead of Customer.io. */
export function sandboxEnv(sandbox: Sandbox, extra: Record<string, string> = {}): Record<string, string> {
  return {
    CUSTOMERIO_APP_API_KEY: sandbox.options.customerio.appApiKey,
    CUSTOMERIO_TRANSACTIONAL_API_KEY: sandbox.options.customerio.transactionalApiKey,
    CUSTOMERIO_API_URL: sandbox.url,
    ...extra,
  };
}

export function syncContext(workspace: Workspace, env: Record<string, string>, concurrency = 4): SyncContext {
  return { config: workspace.config, env, engines: createEngines(), secrets: secretValues(env), concurrency };
}

export async function connect(
  workspace: Workspace,
  env: Record<string, string>,
  options: CustomerioTargetOptions = { retry: fastRetry },
): Promise<SyncConnection> {
  return createCustomerioTarget(options).connect(syncContext(workspace, env));
}

/** Plans and executes a push, as `txkit push` does. */
export async function push(connection: SyncConnection, workspace: Workspace) {
  const plan = await connection.plan(workspace.messages);
  return { plan, report: await executePlan(plan) };
}

/** A message.yaml of the example workspace, read with a plain YAML parser. */
export async function exampleYaml(id: string): Promise<any> {
  return parse(await readFile(path.join(examples, id, 'message.yaml'), 'utf8'));
}

export async function editFile(file: string, edit: (text: string) => string): Promise<void> {
  await writeFile(file, edit(await readFile(file, 'utf8')));
}

export interface ExampleTarget {
  /** The message folder. */
  message: string;
  channel: 'email' | 'sms' | 'whatsapp';
  transactionalId: number;
}

/** Every Customer.io target the example workspace declares, read from its message.yaml files. */
export async function exampleTargets(): Promise<ExampleTarget[]> {
  const targets: ExampleTarget[] = [];
  for (const entry of await readdir(examples, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('_')) continue;
    const target = (await exampleYaml(entry.name)).targets?.customerio;
    if (target?.transactionalMessageId) targets.push({ message: entry.name, channel: 'email', transactionalId: Number(target.transactionalMessageId) });
    if (target?.sms) targets.push({ message: entry.name, channel: 'sms', transactionalId: Number(target.sms.transactionalMessageId) });
    if (target?.whatsapp) targets.push({ message: entry.name, channel: 'whatsapp', transactionalId: Number(target.whatsapp.transactionalMessageId) });
  }
  return targets.sort((a, b) => a.transactionalId - b.transactionalId);
}

export interface ExampleTranslation extends ExampleTarget {
  /** The language of a translated file beside the channel's body (`email.fr.mjml`, `sms.fr.txt`). */
  language: string;
  /** Relative to the message folder. */
  file: string;
}

/** Every translated channel of the example targets, found by file name (`<body stem>.<language>.<ext>`). */
export async function exampleTranslations(): Promise<ExampleTranslation[]> {
  const translations: ExampleTranslation[] = [];
  for (const target of await exampleTargets()) {
    if (target.channel === 'whatsapp') continue; // the workspace has no WhatsApp translations
    const yaml = await exampleYaml(target.message);
    const body: string = target.channel === 'email' ? yaml.email.body : yaml.sms.body;
    const stem = body.replace(/\.[^.]+$/, '');
    const extensions = target.channel === 'email' ? ['mjml', 'html'] : [body.split('.').pop()];
    for (const file of (await readdir(path.join(examples, target.message))).sort()) {
      const [fileStem, language, extension, ...rest] = file.split('.');
      if (fileStem === stem && language && rest.length === 0 && extensions.includes(extension)) translations.push({ ...target, language, file });
    }
  }
  return translations;
}

/**
 * The remote side of the examples: one transactional message per target in
 * templates/*\/message.yaml, created in the UI with a placeholder body and the sender the
 * message.yaml names, and a variant per translated channel (Add language). Content ids are the
 * message id times ten, plus 1, 2… for the translations. A WhatsApp variant has the content type
 * txkit assumes for it, `whatsapp` (docs/whatsapp.md).
 */
export async function exampleSeeds(): Promise<CustomerioMessageSeed[]> {
  const seeds: CustomerioMessageSeed[] = [];
  const translations = await exampleTranslations();
  for (const { message, channel, transactionalId: id } of await exampleTargets()) {
    const yaml = await exampleYaml(message);
    const languages = translations.filter((translation) => translation.transactionalId === id).map((translation) => translation.language);
    const variant = (language: string, index: number) =>
      channel === 'email'
        ? {
            id: id * 10 + index,
            language,
            type: 'email' as const,
            subject: 'placeholder',
            body: '<p>placeholder</p>',
            from: yaml.email.from,
            from_id: 7,
            reply_to_id: 8,
            body_amp: '<amp/>',
            headers: [{ name: 'X-Team', value: 'growth' }],
          }
        : { id: id * 10 + index, language, type: channel === 'sms' ? ('twilio' as const) : ('whatsapp' as const), body: 'placeholder' };
    const names = { email: yaml.name, sms: `${yaml.name} SMS`, whatsapp: `${yaml.name} WhatsApp` };
    seeds.push({ id, name: names[channel], contents: ['', ...languages].map(variant) });
  }
  return seeds;
}

/** Writes a message folder (message.yaml and its files) into a workspace. */
export async function writeMessage(workspaceDir: string, id: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(workspaceDir, id);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

/** An empty workspace in a temp folder. */
export async function emptyWorkspace(): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'txkit-cio-')), 'templates');
  await mkdir(dir);
  return dir;
}
