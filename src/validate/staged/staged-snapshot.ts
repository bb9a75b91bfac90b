import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runGit } from '../git.js';
import { parseCatFileBatch, parseIndexEntries, type IndexEntry } from './index-entries.js';

/**
 * The staged (index) versions of the files a validation needs, copied to a temporary folder
 * that mirrors the repository, so the loader reads what will be committed, not the working tree.
 */
export interface StagedSnapshot {
  /** The mirror of the project root (where txkit.config.yaml is). */
  projectRoot: string;
  /** The mirror of the workspace. */
  workspace: string;
  /** Messages with staged changes, or `all` when a shared file (a partial) or the config changed. */
  messageIds: readonly string[] | 'all';
  /** A path in the snapshot as the real path in the repository. */
  realPath(file: string): string;
  /** Text (a message, a hint) with snapshot paths written as real ones. */
  realText(text: string): string;
  dispose(): Promise<void>;
}

export interface SnapshotOptions {
  /** Where txkit runs; relative paths in hints are relative to it. */
  cwd: string;
  projectRoot: string;
  workspace: string;
  /** Path of txkit.config.yaml (whether it exists or not). */
  configFile: string;
  /** git's environment (default: this process's). */
  env?: NodeJS.ProcessEnv | undefined;
}

/** `a/b` is `a` or inside it (repository-relative paths with `/`; '' is the root). */
function isUnder(folder: string, file: string): boolean {
  return folder === '' || file === folder || file.startsWith(`${folder}/`);
}

async function realpathOrSelf(file: string): Promise<string> {
  return realpath(file).catch(() => file);
}

/** Which messages the staged paths touch: a path inside a message folder touches that message; any other workspace path all of them. */
function touchedMessages(staged: readonly string[], layout: { workspace: string; configFile: string }, messageIds: ReadonlySet<string>): string[] | 'all' {
  const touched = new Set<string>();
  for (const file of staged) {
    if (file === layout.configFile) return 'all';
    const inner = layout.workspace === '' ? file : file.slice(layout.workspace.length + 1);
    const [id, ...rest] = inner.split('/');
    if (id === undefined || rest.length === 0 || !messageIds.has(id)) return 'all';
    touched.add(id);
  }
  return [...touched].sort();
}

/**
 * Snapshots the index for `git commit`: undefined when nothing staged concerns the workspace or
 * the config. Runs three git commands whatever the size of the change.
 */
export async function snapshotStaged(options: SnapshotOptions): Promise<StagedSnapshot | undefined> {
  const repoRoot = await realpath((await runGit(['rev-parse', '--show-toplevel'], { cwd: options.cwd, env: options.env })).toString('utf8').trim());
  const relative = async (file: string) =>
    path
      .relative(repoRoot, await realpathOrSelf(file))
      .split(path.sep)
      .join('/');
  const layout = { workspace: await relative(options.workspace), configFile: await relative(options.configFile) };
  if (layout.workspace.startsWith('..')) return undefined; // a workspace outside the repository has nothing staged

  const staged = (await runGit(['diff', '--cached', '--name-only', '--no-renames', '-z'], { cwd: repoRoot, env: options.env }))
    .toString('utf8')
    .split('\0')
    .filter(Boolean);
  const relevant = staged.filter((file) => file === layout.configFile || isUnder(layout.workspace, file));
  if (relevant.length === 0) return undefined;

  // The project root is where git ran, so the config file is inside the repository too.
  const pathspecs = [layout.workspace === '' ? '.' : layout.workspace, layout.configFile];
  const entries = parseIndexEntries(
    (await runGit(['ls-files', '-z', '--stage', '--', ...pathspecs], { cwd: repoRoot, env: options.env })).toString('utf8'),
  ).filter(
    // Unmerged entries cannot be committed; submodules are not workspace files.
    (entry) => entry.stage === 0 && entry.mode !== '160000',
  );
  const workspacePrefix = layout.workspace === '' ? '' : `${layout.workspace}/`;
  const messageIdOf = (entry: IndexEntry) => {
    const match = /^([^/_.][^/]*)\/message\.yaml$/.exec(entry.path.slice(workspacePrefix.length));
    return entry.path.startsWith(workspacePrefix) ? match?.[1] : undefined;
  };
  const allMessageIds = new Set(entries.map(messageIdOf).filter((id): id is string => id !== undefined));
  const messageIds = touchedMessages(relevant, layout, allMessageIds);

  // The touched messages, plus every workspace file outside a message folder (partials they may include).
  const needed = entries.filter((entry) => {
    if (entry.path === layout.configFile || messageIds === 'all') return true;
    const id = entry.path.slice(workspacePrefix.length).split('/')[0]!;
    return !allMessageIds.has(id) || messageIds.includes(id);
  });
  const contents =
    needed.length === 0
      ? []
      : parseCatFileBatch(
          await runGit(['cat-file', '--batch'], { cwd: repoRoot, env: options.env, input: `${needed.map((entry) => entry.objectId).join('\n')}\n` }),
        );

  const root = await realpath(await mkdtemp(path.join(os.tmpdir(), 'txkit-staged-')));
  const inSnapshot = (repositoryPath: string) => path.join(root, ...repositoryPath.split('/'));
  const snapshot: StagedSnapshot = {
    projectRoot: inSnapshot(await relative(options.projectRoot)),
    workspace: inSnapshot(layout.workspace),
    messageIds,
    realPath: (file) => (file === root || file.startsWith(`${root}${path.sep}`) ? path.join(repoRoot, path.relative(root, file)) : file),
    realText: (text) => {
      const relativeRoot = path.relative(options.cwd, root);
      const relativeRepo = path.relative(options.cwd, repoRoot);
      return text.replaceAll(root, repoRoot).replaceAll(`${relativeRoot}${path.sep}`, relativeRepo === '' ? '' : `${relativeRepo}${path.sep}`);
    },
    dispose: () => rm(root, { recursive: true, force: true }),
  };
  try {
    await mkdir(snapshot.workspace, { recursive: true });
    await Promise.all(
      needed.map(async (entry, index) => {
        const target = inSnapshot(entry.path);
        await mkdir(path.dirname(target), { recursive: true });
        if (entry.mode === '120000') await symlink(contents[index]!.toString('utf8'), target);
        else await writeFile(target, contents[index]!);
      }),
    );
    // An untracked config still governs the run: use the working tree's.
    if (!entries.some((entry) => entry.path === layout.configFile)) {
      const config = await readFile(options.configFile).catch(() => undefined);
      if (config) await writeFile(inSnapshot(layout.configFile), config);
    }
  } catch (error) {
    await snapshot.dispose();
    throw error;
  }
  return snapshot;
}
