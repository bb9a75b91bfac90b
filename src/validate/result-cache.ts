import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/index.js';
import { fileFingerprint } from './file-fingerprint.js';

/**
 * Each message's validation results kept on disk (`.txkit-cache/validate`), so `txkit validate`
 * with nothing changed answers without loading, rendering or compiling a message.
 *
 * A message's entry holds a digest of everything its diagnostics depend on: every file of its
 * folder (message.yaml, templates, samples), every file of the workspace's shared `_` folders
 * (partials, snippets), the files outside those it was read from (recorded when it was
 * validated), and the run's key: this build of txkit, txkit.config.yaml (rule severities
 * included) and the workspace asked for. Any change to one of them misses. A message whose
 * templates or samples read the clock (`'now' | date`) is not kept: its results may change by
 * themselves.
 *
 * Files are named in the digest relative to the workspace, so the same files digest alike in the
 * working tree and in `--staged`'s copy of the index: a message staged as it was validated is
 * answered from the cache, and the reverse.
 */

/** One message's results and what they were computed from. */
interface Entry {
  /** Files outside the message folder and the shared folders that the message read, relative to the workspace. */
  outsideFiles: string[];
  digest: string;
  diagnostics: Diagnostic[];
}

interface CacheFile {
  runKey: string;
  /** The workspace folder txkit.config.yaml resolved to. */
  workspace: string;
  /** Problems of txkit.config.yaml, severities applied. */
  configProblems: Diagnostic[];
  /** By message id (folder name). */
  entries: Record<string, Entry>;
}

/** What a previous run with the same key left: its workspace and configuration problems. */
export interface PreviousRun {
  workspace: string;
  configProblems: Diagnostic[];
}

const hash = () => createHash('sha256');

/** The workspace's shared folders (`_partials`, `_snippets`…), sorted. */
function sharedFolders(workspace: string): string[] {
  try {
    return readdirSync(workspace, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name.startsWith('_'))
      .map((entry) => path.join(workspace, entry.name))
      .sort();
  } catch {
    return [];
  }
}

// Digests read small files by the hundred: synchronous reads cost a fraction of the CPU time of
// promise-based ones (no thread-pool round trip per file), and validate waits for them anyway.

/** Files under `dir`, recursively, as sorted absolute paths ([] when it does not exist). */
function filesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * `'now'` / `"today"`: the time of the run, as Liquid's `date` filter reads it (and a sample may
 * pass it as a value). Results that depend on the clock — a month's name that tips an SMS into a
 * second segment — can differ from one run to the next with no file changed.
 */
const readsClock = /(["'])(?:now|today)\1/;

/**
 * Adds each file's path (relative to `workspace`) and fingerprint (or that it is absent) to
 * `digest`; true when one of them reads the clock.
 */
function addFiles(digest: ReturnType<typeof hash>, workspace: string, files: readonly string[], realProjectRoot: string): boolean {
  let clock = false;
  for (const file of files) {
    const content = fileFingerprint(file, realProjectRoot);
    digest.update(`${path.relative(workspace, file)}\0${content === undefined ? 'absent' : content.length}\0`);
    if (content === undefined) continue;
    digest.update(content);
    clock ||= readsClock.test(content.toString('latin1'));
  }
  return clock;
}

/** This build of txkit: every file of the compiled code (or sources, under tsx) by size and modification time. */
function buildStamp(): string {
  const codeRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  return filesUnder(codeRoot)
    .map((file) => {
      const { size, mtimeMs } = statSync(file);
      return `${file} ${size} ${mtimeMs}`;
    })
    .join('\n');
}

export class ValidationResultCache {
  readonly #file: string;
  readonly #runKey: string;
  readonly #previous: CacheFile | undefined;
  readonly #entries: Record<string, Entry> = {};
  /** Files are read for their digest only inside this folder (txkit.config.yaml's, really). */
  readonly #realProjectRoot: string;
  #sharedDigest: { digest: string; clock: boolean } | undefined;

  private constructor(file: string, runKey: string, previous: CacheFile | undefined, realProjectRoot: string) {
    this.#realProjectRoot = realProjectRoot;
    this.#file = file;
    this.#runKey = runKey;
    this.#previous = previous;
  }

  /**
   * The cache of the project in `projectRoot` (really `realProjectRoot`, symlinks resolved) for a run
   * identified by `keyParts` (configuration text, options) and this build.
   */
  static async open(projectRoot: string, realProjectRoot: string, keyParts: readonly string[]): Promise<ValidationResultCache> {
    const runKey = hash().update(buildStamp()).update(keyParts.join('\0')).digest('hex');
    const file = path.join(projectRoot, '.txkit-cache', 'validate', 'results.json');
    const stored = await readFile(file, 'utf8')
      .then((text) => JSON.parse(text) as CacheFile)
      .catch(() => undefined);
    return new ValidationResultCache(file, runKey, stored?.runKey === runKey ? stored : undefined, realProjectRoot);
  }

  /** Messages the previous run's cache holds. */
  get previousCount(): number {
    return Object.keys(this.#previous?.entries ?? {}).length;
  }

  get previousRun(): PreviousRun | undefined {
    return this.#previous && { workspace: this.#previous.workspace, configProblems: this.#previous.configProblems };
  }

  /** Digest of every file in the workspace's `_` folders, read once per run. */
  #shared(workspace: string): { digest: string; clock: boolean } {
    if (this.#sharedDigest === undefined) {
      const digest = hash();
      const clock = sharedFolders(workspace)
        .map((folder) => addFiles(digest, workspace, filesUnder(folder), this.#realProjectRoot))
        .includes(true);
      this.#sharedDigest = { digest: digest.digest('hex'), clock };
    }
    return this.#sharedDigest;
  }

  #digest(workspace: string, dir: string, outsideFiles: readonly string[]): { digest: string; clock: boolean } {
    const shared = this.#shared(workspace);
    const digest = hash().update(`${this.#runKey}\0${shared.digest}\0`);
    const own = addFiles(digest, workspace, filesUnder(dir), this.#realProjectRoot);
    const outside = addFiles(
      digest,
      workspace,
      outsideFiles.map((file) => path.resolve(workspace, file)),
      this.#realProjectRoot,
    );
    return { digest: digest.digest('hex'), clock: shared.clock || own || outside };
  }

  /** The stored diagnostics of each message folder that has not changed since; the ids of the others. */
  lookup(workspace: string, dirs: readonly string[]): { hits: Diagnostic[][]; misses: string[] } {
    const hits: Diagnostic[][] = [];
    const misses: string[] = [];
    for (const dir of dirs) {
      const id = path.basename(dir);
      const entry = this.#previous?.entries[id];
      if (entry && this.#digest(workspace, dir, entry.outsideFiles).digest === entry.digest) {
        this.#entries[id] = entry;
        hits.push(entry.diagnostics);
      } else {
        misses.push(id);
      }
    }
    return { hits, misses };
  }

  /**
   * Keeps a message's fresh results, with the files outside its folder it read; not those of a
   * message that reads the clock, which the next run checks again.
   */
  record(workspace: string, id: string, outsideFiles: readonly string[], diagnostics: Diagnostic[]): void {
    const dir = path.join(workspace, id);
    const outside = [...new Set(outsideFiles)]
      .filter((file) => path.relative(dir, file).startsWith('..'))
      .map((file) => path.relative(workspace, file))
      .sort();
    const { digest, clock } = this.#digest(workspace, dir, outside);
    if (!clock) this.#entries[id] = { outsideFiles: outside, digest, diagnostics };
  }

  /**
   * Writes the entries looked up or recorded in this run: after a run over the whole workspace
   * (messages gone since are dropped), or with the previous run's others kept (`partial`: `--staged`
   * looked at the staged messages only).
   */
  async save(run: PreviousRun, { partial = false } = {}): Promise<void> {
    const entries = partial ? { ...this.#previous?.entries, ...this.#entries } : this.#entries;
    const stored: CacheFile = { runKey: this.#runKey, workspace: run.workspace, configProblems: run.configProblems, entries };
    await mkdir(path.dirname(this.#file), { recursive: true });
    const temporary = `${this.#file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(stored));
    await rename(temporary, this.#file);
  }
}
