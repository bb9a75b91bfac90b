import path from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { isInside } from '../workspace/index.js';

/**
 * What `txkit validate [paths...]` reports. A message is validated whole (its diagnostics
 * depend on each other: a declaration in message.yaml, a value in a sample), then filtered
 * to the files asked for.
 */
export interface Selection {
  /** Whether problems of txkit.config.yaml are reported. */
  config: boolean;
  /**
   * Messages by id, each with the files or folders whose problems are reported (`undefined`:
   * all of the message's problems). Absent: every message, every problem.
   */
  messages?: ReadonlyMap<string, readonly string[] | undefined>;
}

export const everything: Selection = { config: true };

export interface WorkspaceLayout {
  workspace: string;
  configFile?: string;
  /** Ids (folder names) of the messages in the workspace. */
  messageIds: readonly string[];
}

/**
 * Turns absolute paths into a selection: the workspace (or a folder holding it) selects
 * everything; a message folder its message; a file or folder inside a message that message,
 * reported for that path only; a shared file (`_partials/…`) every message, since any of them
 * may include it; txkit.config.yaml its own problems.
 */
export function selectPaths(paths: readonly string[], layout: WorkspaceLayout): Selection | { problem: string } {
  let config = false;
  let all = false;
  const messages = new Map<string, string[] | undefined>();
  for (const target of paths) {
    if (target === layout.configFile) {
      config = true;
      continue;
    }
    if (isInside(target, layout.workspace)) {
      all = true;
      config = true;
      continue;
    }
    if (!isInside(layout.workspace, target)) return { problem: `${target} is not in the workspace (${layout.workspace})` };
    const [id, ...inner] = path.relative(layout.workspace, target).split(path.sep);
    if (id === undefined || !layout.messageIds.includes(id)) {
      all = true;
      continue;
    }
    const scopes = messages.has(id) ? messages.get(id) : [];
    messages.set(id, inner.length === 0 || scopes === undefined ? undefined : [...scopes, target]);
  }
  return all ? { config } : { config, messages };
}

/** A message's diagnostics limited to the files its selection asks for. */
export function inScope(diagnostics: readonly Diagnostic[], scopes: readonly string[] | undefined): Diagnostic[] {
  if (scopes === undefined) return [...diagnostics];
  return diagnostics.filter((diagnostic) => scopes.some((scope) => isInside(scope, diagnostic.file)));
}
