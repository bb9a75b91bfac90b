import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from './config.js';
import { isBroken, loadMessage, messageFileName } from './load-message.js';
import type { BrokenMessage, Message, Workspace } from './model.js';

/** Message directories: folders with a message.yaml; `_partials` and dot-folders are not messages. */
export async function listMessageDirs(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_') && !entry.name.startsWith('.'))
    .map((entry) => path.join(root, entry.name))
    .filter((dir) => existsSync(path.join(dir, messageFileName)))
    .sort();
}

export class WorkspaceNotFoundError extends Error {
  constructor(readonly root: string) {
    super(`no workspace at ${root}`);
  }
}

/** Loads every message of the workspace (or only `onlyIds`). */
export async function loadWorkspace(config: ResolvedConfig, onlyIds?: readonly string[]): Promise<Workspace> {
  const root = config.workspace;
  if (!existsSync(root)) throw new WorkspaceNotFoundError(root);
  let dirs = await listMessageDirs(root);
  if (onlyIds && onlyIds.length > 0) dirs = dirs.filter((dir) => onlyIds.includes(path.basename(dir)));
  const loaded = await Promise.all(dirs.map((dir) => loadMessage(dir, config)));
  const messages: Message[] = [];
  const broken: BrokenMessage[] = [];
  for (const message of loaded) {
    if (isBroken(message)) broken.push(message);
    else messages.push(message);
  }
  return { root, config, messages, broken };
}
