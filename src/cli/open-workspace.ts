import path from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import {
  listMessageDirs,
  loadConfig,
  loadWorkspace,
  WorkspaceNotFoundError,
  type BrokenMessage,
  type LoadMessageOptions,
  type Message,
  type ResolvedConfig,
  type Workspace,
} from '../workspace/index.js';
import { cliIo } from './terminal.js';
import { UsageError } from '../errors/usage-error.js';

export interface WorkspaceOptions {
  workspace?: string;
}

export interface OpenedWorkspace {
  config: ResolvedConfig;
  workspace: Workspace;
  /** Config problems plus every load problem of every message (broken or not). */
  diagnostics: Diagnostic[];
}

/** Config + workspace, the way every command starts. A missing workspace is a usage error. */
export async function openWorkspace(options: WorkspaceOptions, onlyIds?: readonly string[], load: LoadMessageOptions = {}): Promise<OpenedWorkspace> {
  const { config, diagnostics } = await loadConfig(cliIo().cwd, options.workspace ? { workspace: options.workspace } : {});
  try {
    const workspace = await loadWorkspace(config, onlyIds, load);
    return {
      config,
      workspace,
      diagnostics: [
        ...diagnostics,
        ...workspace.broken.flatMap((message) => message.diagnostics),
        ...workspace.messages.flatMap((message) => message.diagnostics),
      ],
    };
  } catch (error) {
    throw asWorkspaceUsageError(error);
  }
}

/** A workspace folder that is missing or not a folder is a usage error (exit 2); anything else is passed on. */
export function asWorkspaceUsageError(error: unknown): unknown {
  if (error instanceof WorkspaceNotFoundError)
    return new UsageError(`${error.reason} at ${error.root}: run txkit from your project root, or pass --workspace DIR`);
  return error;
}

/**
 * The message with this id, or a usage error that lists the ids that exist. A message whose
 * message.yaml does not load comes back as a BrokenMessage: its problems are the answer, not a usage error.
 */
export async function findMessage(opened: OpenedWorkspace, id: string): Promise<Message | BrokenMessage> {
  const message = opened.workspace.messages.find((candidate) => candidate.id === id) ?? opened.workspace.broken.find((candidate) => candidate.id === id);
  if (message) return message;
  const ids = (await listMessageDirs(opened.config.workspace)).map((dir) => path.basename(dir));
  throw new UsageError(`no message "${id}" in ${opened.config.workspace}${ids.length ? `; messages: ${ids.join(', ')}` : ''}`);
}
