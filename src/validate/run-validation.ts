import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { MjmlCache } from '../email/mjml-cache.js';
import { configFileName, listMessageDirs, loadConfig, loadWorkspace, type ConfigResult, type ResolvedConfig } from '../workspace/index.js';
import { selectPaths, type Selection } from './selection.js';
import { snapshotStaged } from './staged/staged-snapshot.js';
import { validate } from './validate.js';

/** A path argument that cannot be validated: a usage problem, not a template problem. */
export class SelectionError extends Error {
  override readonly name = 'SelectionError';
}

export interface RunOptions {
  /** Where txkit runs: the project root, holding txkit.config.yaml. */
  cwd: string;
  /** --workspace, relative to cwd. */
  workspace?: string;
  /** git's environment for --staged (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Compiled MJML kept in the project's .txkit-cache (beside the preview's), so a second validate
 * skips mjml for every email whose MJML and partials did not change (entries are keyed by content).
 */
function projectMjmlCache(config: ResolvedConfig): MjmlCache {
  return new MjmlCache({ dir: path.join(config.projectRoot, '.txkit-cache', 'mjml') });
}

async function loadProjectConfig(options: RunOptions): Promise<ConfigResult> {
  return loadConfig(options.cwd, options.workspace ? { workspace: options.workspace } : {});
}

/** Validates the working tree: everything, or what `paths` (relative to cwd) select. */
export async function validateWorkingTree(options: RunOptions & { paths: readonly string[] }): Promise<Diagnostic[]> {
  const { config, diagnostics: configDiagnostics } = await loadProjectConfig(options);
  let selection: Selection = { config: true };
  if (options.paths.length > 0) {
    const targets = options.paths.map((target) => path.resolve(options.cwd, target));
    const missing = targets.find((target) => !existsSync(target));
    if (missing) throw new SelectionError(`${path.relative(options.cwd, missing) || missing}: no such file or folder`);
    // Listing a missing workspace is left to loadWorkspace, which says so in its own words.
    const messageIds = existsSync(config.workspace) ? (await listMessageDirs(config.workspace)).map((dir) => path.basename(dir)) : [];
    const selected = selectPaths(targets, { workspace: config.workspace, configFile: path.join(config.projectRoot, configFileName), messageIds });
    if ('problem' in selected) throw new SelectionError(selected.problem);
    selection = selected;
  }
  const ids = selection.messages ? [...selection.messages.keys()] : undefined;
  // Only txkit.config.yaml asked for: no message to load.
  const workspace = ids?.length === 0 ? { root: config.workspace, config, messages: [], broken: [] } : await loadWorkspace(config, ids);
  return validate({ config, configDiagnostics, workspace, selection, mjmlCache: projectMjmlCache(config) });
}

/**
 * Validates what `git commit` would commit: the messages touched by staged changes, read from
 * the index (a fixed working copy does not hide a broken staged file, nor the reverse).
 * Diagnostics name the real files.
 */
export async function validateStaged(options: RunOptions): Promise<Diagnostic[]> {
  const { config } = await loadProjectConfig(options);
  const snapshot = await snapshotStaged({ cwd: options.cwd, projectRoot: config.projectRoot, workspace: config.workspace, configFile: path.join(config.projectRoot, configFileName), env: options.env });
  if (!snapshot) return [];
  try {
    const staged = await loadConfig(snapshot.projectRoot, { workspace: snapshot.workspace });
    const workspace = await loadWorkspace(staged.config, snapshot.messageIds === 'all' ? undefined : snapshot.messageIds);
    // The real project's cache: staged text that matches the working tree's compiles for free.
    const diagnostics = await validate({ config: staged.config, configDiagnostics: staged.diagnostics, workspace, mjmlCache: projectMjmlCache(config) });
    return diagnostics.map((diagnostic) => ({
      ...diagnostic,
      file: snapshot.realPath(diagnostic.file),
      message: snapshot.realText(diagnostic.message),
      ...(diagnostic.hint !== undefined ? { hint: snapshot.realText(diagnostic.hint) } : {}),
    }));
  } finally {
    await snapshot.dispose();
  }
}
