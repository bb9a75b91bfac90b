import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { createEngines } from '../../src/render/index.js';
import type { RequestLogEntry, Sandbox } from '../../src/sandbox/index.js';
import { executePlan, secretValues, type SyncConnection, type SyncContext } from '../../src/sync/index.js';
import { createSfmcTarget, type SfmcTargetOptions } from '../../src/sync/sfmc/index.js';
import { loadConfig, loadWorkspace, type Workspace } from '../../src/workspace/index.js';

export const examples = path.resolve(import.meta.dirname, '../../templates');

/** Quick retries and status polls: the behaviour under test is the same, the waits are not. */
export const fastRetry = { maxRetries: 5, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 2_000 };
export const fastTarget: SfmcTargetOptions = { retry: fastRetry, polling: { intervalMs: 20, maxIntervalMs: 100 } };

/** Temp projects made by copyExamples, removed by removeProjects. */
const projects: string[] = [];

/** A project root holding a copy of the example workspace in templates/, safe to edit. */
export async function copyExamples(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'txkit-sfmc-'));
  projects.push(root);
  await cp(examples, path.join(root, 'templates'), { recursive: true });
  return root;
}

export async function removeProjects(): Promise<void> {
  await Promise.all(projects.splice(0).map((root) => rm(root, { recursive: true, force: true })));
}

export async function openWorkspace(root: string): Promise<Workspace> {
  const { config } = await loadConfig(root);
  return loadWorkspace(config);
}

/** The variables a user sets to publish to the sandbox instead of SFMC. */
export function sandboxEnv(sandbox: Sandbox): Record<string, string> {
  return { SFMC_AUTH_BASE_URL: sandbox.url, SFMC_CLIENT_ID: sandbox.options.sfmc.clientId, SFMC_CLIENT_SECRET: sandbox.options.sfmc.clientSecret };
}

export function syncContext(workspace: Workspace, env: Record<string, string>, concurrency = 4): SyncContext {
  return { config: workspace.config, env, engines: createEngines(), secrets: secretValues(env), concurrency };
}

export function connect(workspace: Workspace, sandbox: Sandbox, options: { concurrency?: number; target?: SfmcTargetOptions } = {}): Promise<SyncConnection> {
  return createSfmcTarget(options.target ?? fastTarget).connect(syncContext(workspace, sandboxEnv(sandbox), options.concurrency));
}

/** Plans and executes a push, as `txkit push` does. */
export async function push(connection: SyncConnection, workspace: Workspace, concurrency = 4) {
  const plan = await connection.plan(workspace.messages);
  return { plan, report: await executePlan(plan, { concurrency }) };
}

export function writesSince(sandbox: Sandbox, from: number): RequestLogEntry[] {
  return sandbox.requests.slice(from).filter((request) => request.write);
}

export async function editFile(file: string, edit: (text: string) => string): Promise<void> {
  const before = await readFile(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit changed nothing in ${file}`);
  await writeFile(file, after);
}

/** A message.yaml of the example workspace, read with a plain YAML parser. */
export async function exampleYaml(id: string): Promise<any> {
  return parse(await readFile(path.join(examples, id, 'message.yaml'), 'utf8'));
}

/** The languages an example message is translated into: those its `email.<language>.mjml` / `sms.<language>.txt` files name. */
async function exampleLanguages(id: string): Promise<string[]> {
  const names = await readdir(path.join(examples, id));
  return [...new Set(names.flatMap((name) => /^(?:email|sms)\.([a-z]{2}(?:-[A-Z]{2})?)\.(?:mjml|html|txt)$/.exec(name)?.[1] ?? []))].sort();
}

/**
 * The SFMC objects the example workspace declares, read from its message.yaml files: the
 * default language's keys, and each translation's, made by `languageKeys` ("{key}-{language}"
 * when absent, as docs/sfmc.md says), for every channel the message publishes to SFMC.
 */
export async function exampleObjects(): Promise<{ kind: string; key: string; message: string }[]> {
  const objects: { kind: string; key: string; message: string }[] = [];
  for (const message of ['appointment-reminder', 'order-confirmation', 'password-reset', 'shipping-update']) {
    const sfmc = (await exampleYaml(message)).targets?.sfmc;
    const pattern: string = sfmc?.languageKeys ?? '{key}-{language}';
    const keyings = [
      (key: string) => key,
      ...(await exampleLanguages(message)).map((language) => (key: string) => pattern.replace('{key}', key).replace('{language}', language)),
    ];
    for (const keyOf of keyings) {
      if (sfmc?.definitionKey)
        objects.push({ kind: 'asset', key: keyOf(sfmc.customerKey), message }, { kind: 'email-definition', key: keyOf(sfmc.definitionKey), message });
      if (sfmc?.sms) objects.push({ kind: 'sms-definition', key: keyOf(sfmc.sms.definitionKey), message });
    }
  }
  return objects;
}

function without(record: object, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !fields.includes(key)));
}

/**
 * The SFMC state as content: what a push leaves behind, without what SFMC assigns per write
 * (ids, dates, versions), so two sandboxes can be compared.
 */
export function remoteContent(sandbox: Sandbox) {
  const { assets, definitions } = sandbox.state.sfmc;
  const byKey = <T>(entries: [string, T][]) => Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  return {
    assets: byKey([...assets.values()].map((asset) => [asset.customerKey, without(asset, ['id', 'objectID', 'version', 'createdDate', 'modifiedDate'])])),
    email: byKey(
      [...definitions.email.values()].map((definition) => [definition.definitionKey, without(definition, ['definitionId', 'createdDate', 'modifiedDate'])]),
    ),
    sms: byKey(
      [...definitions.sms.values()].map((definition) => [definition.definitionKey, without(definition, ['definitionId', 'createdDate', 'modifiedDate'])]),
    ),
  };
}
