import { realpathSync } from 'node:fs';
import path from 'node:path';
import { uniqueDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import { configFileName, listMessageDirs } from '../workspace/project-layout.js';
import { fileFingerprint } from './file-fingerprint.js';
import { ValidationResultCache } from './result-cache.js';
import type { RunOptions } from './run-validation.js';
import { snapshotStaged } from './staged/staged-snapshot.js';

/** The project's result cache, for a run keyed by the configuration in `configRoot` (really `realConfigRoot`). */
async function openCache(projectRoot: string, realConfigRoot: string, options: RunOptions, configRoot = projectRoot): Promise<ValidationResultCache> {
  const configText = fileFingerprint(path.join(configRoot, configFileName), realConfigRoot, { configuration: true }) ?? '';
  return ValidationResultCache.open(projectRoot, realConfigRoot, [projectRoot, options.workspace ?? '', configText.toString('utf8')]);
}

/**
 * `txkit validate` of the whole workspace through the result cache: messages unchanged since the
 * last run are answered from it, and the loaders, engines and checks are imported only when a
 * message changed (a second run with nothing changed loads none of them).
 */
export async function validateEverything(options: RunOptions): Promise<Diagnostic[]> {
  const projectRoot = path.resolve(options.cwd);
  let realProjectRoot = projectRoot;
  try {
    realProjectRoot = realpathSync(projectRoot);
  } catch {
    // No such folder: loading the workspace below says so.
  }
  const cache = await openCache(projectRoot, realProjectRoot, options);
  const previous = cache.previousRun;
  const dirs = previous && (await listMessageDirs(previous.workspace).catch(() => undefined));
  const { hits, misses } = previous && dirs ? cache.lookup(previous.workspace, dirs) : { hits: [], misses: undefined };
  if (previous && misses?.length === 0) {
    if (hits.length !== cache.previousCount) await cache.save(previous); // a message folder was removed
    return uniqueDiagnostics([...previous.configProblems, ...hits.flat()]);
  }
  const { validateForResultCache } = await import('./run-validation.js');
  const fresh = await validateForResultCache(options, misses);
  for (const [id, diagnostics] of fresh.messages) cache.record(fresh.workspace, id, fresh.filesRead.get(id) ?? [], diagnostics);
  await cache.save({ workspace: fresh.workspace, configProblems: fresh.config });
  return uniqueDiagnostics([...fresh.config, ...hits.flat(), ...[...fresh.messages.values()].flat()]);
}

/**
 * `txkit validate --staged`: the messages staged changes touch, read from the index (a fixed
 * working copy does not hide a broken staged file, nor the reverse), answered from the result
 * cache when the staged files are those of an earlier run (the working tree validated before the
 * commit, or the same commit tried again): then no engine, check or mjml is loaded. Diagnostics
 * name the real files.
 */
export async function validateStagedThroughCache(options: RunOptions): Promise<Diagnostic[]> {
  // Imported here: a second run of `txkit validate` with nothing changed loads no YAML.
  const { loadConfig } = await import('../workspace/config.js');
  const { config } = await loadConfig(options.cwd, options.workspace ? { workspace: options.workspace } : {});
  const snapshot = await snapshotStaged({
    cwd: options.cwd,
    projectRoot: config.projectRoot,
    workspace: config.workspace,
    configFile: path.join(config.projectRoot, configFileName),
    env: options.env,
  });
  if (!snapshot) return [];
  try {
    // The copy's files are digested (and read) only inside the copy of the project.
    const cache = await openCache(config.projectRoot, snapshot.projectRoot, options, snapshot.projectRoot);
    const dirs = snapshot.messageIds === 'all' ? await listMessageDirs(snapshot.workspace) : snapshot.messageIds.map((id) => path.join(snapshot.workspace, id));
    const previous = cache.previousRun;
    const { hits, misses } = previous ? cache.lookup(snapshot.workspace, dirs) : { hits: [], misses: dirs.map((dir) => path.basename(dir)) };
    if (previous && misses.length === 0) return uniqueDiagnostics([...previous.configProblems, ...hits.flat()]);
    const { validateSnapshotForResultCache } = await import('./run-validation.js');
    const fresh = await validateSnapshotForResultCache(snapshot, config.projectRoot, misses);
    for (const [id, diagnostics] of fresh.messages) cache.record(snapshot.workspace, id, fresh.filesRead.get(id) ?? [], diagnostics);
    await cache.save({ workspace: config.workspace, configProblems: fresh.config }, { partial: true });
    return uniqueDiagnostics([...fresh.config, ...hits.flat(), ...[...fresh.messages.values()].flat()]);
  } finally {
    await snapshot.dispose();
  }
}
