import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { MjmlCache } from '../email/mjml-cache.js';
import {
  configFileName,
  isBroken,
  listMessageDirs,
  loadConfig,
  loadMessage,
  workspaceMessageDirs,
  type BrokenMessage,
  type ConfigResult,
  type Message,
  type ResolvedConfig,
} from '../workspace/index.js';
import { expandIncludes } from '../email/mjml-includes.js';
import { everything, selectPaths, type Selection } from './selection.js';
import type { StagedSnapshot } from './staged/staged-snapshot.js';
import { validateSources, type MessageSource, type ValidationResults } from './validate.js';

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
function projectMjmlCache(projectRoot: string): MjmlCache {
  return new MjmlCache({ dir: path.join(projectRoot, '.txkit-cache', 'mjml') });
}

async function loadProjectConfig(options: RunOptions): Promise<ConfigResult> {
  return loadConfig(options.cwd, options.workspace ? { workspace: options.workspace } : {});
}

/** The workspace's messages (or only `ids`; none for an empty list), each loaded when validation comes to it. */
async function messageSources(config: ResolvedConfig, ids: readonly string[] | undefined): Promise<MessageSource[]> {
  if (ids?.length === 0) return [];
  const dirs = await workspaceMessageDirs(config, ids);
  return dirs.map((dir) => ({ id: path.basename(dir), load: () => loadMessage(dir, config) }));
}

/** Validates the working tree: everything, or what `paths` (relative to cwd) select. */
export async function validateWorkingTree(options: RunOptions & { paths: readonly string[] }): Promise<Diagnostic[]> {
  const { config, diagnostics: configDiagnostics } = await loadProjectConfig(options);
  let selection: Selection = { config: true };
  if (options.paths.length > 0) {
    const targets = options.paths.map((target) => path.resolve(options.cwd, target));
    const missing = targets.find((target) => !existsSync(target));
    if (missing) throw new SelectionError(`${path.relative(options.cwd, missing) || missing}: no such file or folder`);
    // Listing a missing workspace is left to workspaceMessageDirs, which says so in its own words.
    const messageIds = existsSync(config.workspace) ? (await listMessageDirs(config.workspace)).map((dir) => path.basename(dir)) : [];
    const selected = selectPaths(targets, { workspace: config.workspace, configFile: path.join(config.projectRoot, configFileName), messageIds });
    if ('problem' in selected) throw new SelectionError(selected.problem);
    selection = selected;
  }
  const ids = selection.messages ? [...selection.messages.keys()] : undefined;
  const messages = await messageSources(config, ids);
  return validateSources({ config, configDiagnostics, messages, selection, mjmlCache: projectMjmlCache(config.projectRoot) });
}

/** The files a message was read from: message.yaml, the template files it names (found or not), the partials its MJML includes, its samples. */
async function filesRead(message: Message, workspaceRoot: string): Promise<string[]> {
  const { email, sms, whatsapp } = message.definition;
  const named = [email?.body, email?.text, sms?.body, whatsapp?.body]
    .filter((reference) => reference !== undefined)
    .map((reference) => path.resolve(message.dir, reference));
  const partials = message.email?.bodyKind === 'mjml' ? (await expandIncludes(message.email.body, { workspaceRoot })).files : [];
  return [message.file, ...named, ...partials, ...message.samples.map((sample) => sample.file)];
}

/** Validates `messages` for the result cache: results by message, and the files each (loaded, not broken) was read from. */
async function validateRecordingFiles(
  config: ResolvedConfig,
  configDiagnostics: readonly Diagnostic[],
  messages: readonly MessageSource[],
  selection: Selection,
  mjmlCache: MjmlCache,
): Promise<ValidationResults & { filesRead: Map<string, string[]> }> {
  let results: ValidationResults = { config: [], messages: new Map() };
  const read = new Map<string, string[]>();
  const onChecked = async (message: Message | BrokenMessage) => {
    if (!isBroken(message)) read.set(message.id, await filesRead(message, config.workspace));
  };
  await validateSources({ config, configDiagnostics, messages, selection, mjmlCache, onChecked, onResults: (fresh) => (results = fresh) });
  return { ...results, filesRead: read };
}

export interface FreshResults extends ValidationResults {
  workspace: string;
  /** By message id: the files each message was read from. */
  filesRead: ReadonlyMap<string, string[]>;
}

/** Validates the whole working tree, or only the messages `ids`, for the result cache: results by message and the files each was read from. */
export async function validateForResultCache(options: RunOptions, ids: readonly string[] | undefined): Promise<FreshResults> {
  const { config, diagnostics: configDiagnostics } = await loadProjectConfig(options);
  const selection: Selection = ids ? { config: true, messages: new Map(ids.map((id) => [id, undefined])) } : everything;
  const results = await validateRecordingFiles(config, configDiagnostics, await messageSources(config, ids), selection, projectMjmlCache(config.projectRoot));
  return { ...results, workspace: config.workspace };
}

/**
 * Validates the messages `ids` of a copy of the index (`--staged`) for the result cache: results
 * by message naming the real files, and the files each was read from (in the copy, which the
 * cache digests). The compiled-MJML cache is the real project's (`projectRoot`): staged text that
 * matches the working tree's compiles for free.
 */
export async function validateSnapshotForResultCache(snapshot: StagedSnapshot, projectRoot: string, ids: readonly string[]): Promise<FreshResults> {
  const { config, diagnostics: configDiagnostics } = await loadConfig(snapshot.projectRoot, { workspace: snapshot.workspace });
  const selection: Selection = { config: true, messages: new Map(ids.map((id) => [id, undefined])) };
  const results = await validateRecordingFiles(config, configDiagnostics, await messageSources(config, ids), selection, projectMjmlCache(projectRoot));
  const real = (diagnostics: readonly Diagnostic[]) =>
    diagnostics.map((diagnostic) => ({
      ...diagnostic,
      file: snapshot.realPath(diagnostic.file),
      message: snapshot.realText(diagnostic.message),
      ...(diagnostic.hint !== undefined ? { hint: snapshot.realText(diagnostic.hint) } : {}),
    }));
  return {
    config: real(results.config),
    messages: new Map([...results.messages].map(([id, diagnostics]) => [id, real(diagnostics)])),
    workspace: config.workspace,
    filesRead: results.filesRead,
  };
}
