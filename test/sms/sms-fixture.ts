import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { createEngines } from '../../src/render/index.js';
import { checkSmsMessage, type SmsCheckOptions } from '../../src/sms/check/index.js';
import { registeredRules } from '../../src/validate/registry.js';
import { ruleSeverities } from '../../src/validate/rule-severities.js';
import { isBroken, loadConfig, loadMessage, type Message, type ResolvedConfig } from '../../src/workspace/index.js';
import { makeTempDir, type FileTree, type TempDir } from '../helpers/temp-dir.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const smsFixtures = path.join(repoRoot, 'test/fixtures/sms');

export interface LoadedMessage {
  message: Message;
  config: ResolvedConfig;
}

/** Loads a message folder with the real loader; a folder that does not load fails the test. */
export async function loadMessageAt(workspace: string, id: string, configRoot = workspace): Promise<LoadedMessage> {
  const { config, diagnostics } = await loadConfig(configRoot, { workspace });
  expect(diagnostics).toEqual([]);
  const message = await loadMessage(path.join(workspace, id), config);
  if (isBroken(message)) throw new Error(`message ${id} does not load: ${JSON.stringify(message.diagnostics)}`);
  expect(message.diagnostics).toEqual([]);
  return { message, config };
}

/** A temporary project: `files` go into the message folder `msg/`, `config` into txkit.config.yaml. */
export async function writeMessage(files: FileTree, config = ''): Promise<LoadedMessage & { dir: TempDir; file(relative: string): string }> {
  const tree: FileTree = Object.fromEntries(Object.entries(files).map(([relative, content]) => [`msg/${relative}`, content]));
  const dir = await makeTempDir({ ...tree, ...(config === '' ? {} : { 'txkit.config.yaml': config }) }, 'txkit-sms-');
  const loaded = await loadMessageAt(dir.root, 'msg');
  return { ...loaded, dir, file: (relative) => dir.path(`msg/${relative}`) };
}

/** The SMS checks' options as validate gives them: the rules txkit.config.yaml turns off are skipped. */
export function smsCheckOptions(config: ResolvedConfig): SmsCheckOptions {
  return { engines: createEngines(), config, isEnabled: ruleSeverities(config.rules, registeredRules()).isEnabled };
}

export function check(loaded: LoadedMessage) {
  return checkSmsMessage(loaded.message, smsCheckOptions(loaded.config));
}

export function readText(file: string): Promise<string> {
  return readFile(file, 'utf8');
}
