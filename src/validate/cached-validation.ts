import { realpathSync } from 'node:fs';
import path from 'node:path';
import { uniqueDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import { configFileName, listMessageDirs } from '../workspace/project-layout.js';
import { fileFingerprint } from './file-fingerprint.js';
import { ValidationResultCache } from './result-cache.js';
import type { RunOptions } from './run-validation.js';

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
  const configText = fileFingerprint(path.join(projectRoot, configFileName), realProjectRoot, { configuration: true }) ?? '';
  const cache = await ValidationResultCache.open(projectRoot, realProjectRoot, [projectRoot, options.workspace ?? '', configText.toString('utf8')]);
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
