import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from './config.js';
import { isBroken, loadMessage, type LoadMessageOptions } from './load-message.js';
import { listMessageDirs } from './project-layout.js';
import type { BrokenMessage, Message, Workspace } from './model.js';

/** The workspace folder is missing, is not a folder, or cannot be listed: where txkit runs is wrong. */
export class WorkspaceNotFoundError extends Error {
  constructor(
    readonly root: string,
    readonly reason = 'no workspace',
  ) {
    super(`${reason} at ${root}`);
  }
}

async function checkWorkspaceFolder(root: string): Promise<void> {
  const info = await stat(root).catch((error: unknown) => error as NodeJS.ErrnoException);
  if (info instanceof Error)
    throw new WorkspaceNotFoundError(root, info.code === 'ENOENT' ? 'no workspace' : `cannot open the workspace (${info.code ?? 'error'})`);
  if (!info.isDirectory()) throw new WorkspaceNotFoundError(root, 'the workspace is not a folder');
}

/**
 * The folders of the workspace's messages (or only of `onlyIds`), for loading one by one: a
 * missing or unreadable workspace folder is a WorkspaceNotFoundError.
 */
export async function workspaceMessageDirs(config: ResolvedConfig, onlyIds?: readonly string[]): Promise<string[]> {
  const root = config.workspace;
  await checkWorkspaceFolder(root);
  const dirs = await listMessageDirs(root).catch((error: unknown) => {
    throw new WorkspaceNotFoundError(root, `cannot list the workspace (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  });
  if (!onlyIds || onlyIds.length === 0) return dirs;
  const wanted = new Set(onlyIds);
  return dirs.filter((dir) => wanted.has(path.basename(dir)));
}

/** Loads every message of the workspace (or only `onlyIds`). */
export async function loadWorkspace(config: ResolvedConfig, onlyIds?: readonly string[], options: LoadMessageOptions = {}): Promise<Workspace> {
  const dirs = await workspaceMessageDirs(config, onlyIds);
  const loaded = await Promise.all(dirs.map((dir) => loadMessage(dir, config, options)));
  const messages: Message[] = [];
  const broken: BrokenMessage[] = [];
  for (const message of loaded) {
    if (isBroken(message)) broken.push(message);
    else messages.push(message);
  }
  return { root: config.workspace, config, messages, broken };
}
