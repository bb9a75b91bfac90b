import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BoundedCache } from '../cache/bounded-cache.js';

/** One mjml validation error, line counted in the compiled (includes inlined) MJML. */
export interface MjmlValidationError {
  line: number;
  message: string;
  tagName: string;
}

/** What a compile produces, in a form that survives JSON (the disk cache). */
export interface MjmlCompileOutput {
  /** Compiled HTML, personalization tags intact ('' when mjml failed). */
  html: string;
  /** For each personalization tag in `html`, in order: its offset there and the index of the source tag it came from. */
  tags: Array<[offset: number, sourceTag: number]>;
  errors: MjmlValidationError[];
  /** mjml threw instead of compiling: its message. */
  failure?: string;
}

export interface MjmlCacheStats {
  /** Lookups answered without mjml (from memory or disk). */
  hits: number;
  /** The part of `hits` read from the disk cache. */
  diskHits: number;
  misses: number;
  /** Times mjml actually ran. */
  compiles: number;
}

export interface MjmlCacheOptions {
  /** Compiled emails kept in memory. */
  capacity?: number;
  /** Folder for a cache that outlives the process (one JSON file per key); memory only when absent. */
  dir?: string;
}

function isCompileOutput(value: unknown): value is MjmlCompileOutput {
  const candidate = value as Partial<MjmlCompileOutput> | null;
  return typeof candidate?.html === 'string' && Array.isArray(candidate.tags) && Array.isArray(candidate.errors);
}

/**
 * Compiled MJML by content hash: compile once, personalize many. Keys are computed by the caller
 * from everything the output depends on (the MJML with its partials inlined, mjml's version and
 * options), so an entry never goes stale; the disk copy lets a second `txkit build` skip mjml.
 */
export class MjmlCache {
  readonly #memory: BoundedCache<string, MjmlCompileOutput>;
  readonly #pending = new Map<string, Promise<{ output: MjmlCompileOutput; cached: boolean }>>();
  readonly #dir: string | undefined;
  readonly stats: MjmlCacheStats = { hits: 0, diskHits: 0, misses: 0, compiles: 0 };

  constructor(options: MjmlCacheOptions = {}) {
    this.#memory = new BoundedCache(options.capacity ?? 200);
    this.#dir = options.dir;
  }

  /** The cached output for `key`, else `compile()`'s (stored for next time); `cached` says which. */
  async get(key: string, compile: () => Promise<MjmlCompileOutput>): Promise<{ output: MjmlCompileOutput; cached: boolean }> {
    const remembered = this.#memory.get(key);
    if (remembered) {
      this.stats.hits++;
      return { output: remembered, cached: true };
    }
    // A concurrent request for the same key shares the first one's work.
    const pending = this.#pending.get(key);
    if (pending) {
      this.stats.hits++;
      return { output: (await pending).output, cached: true };
    }
    const work = this.#load(key, compile);
    this.#pending.set(key, work);
    try {
      const result = await work;
      this.#memory.set(key, result.output);
      return result;
    } finally {
      this.#pending.delete(key);
    }
  }

  async #load(key: string, compile: () => Promise<MjmlCompileOutput>): Promise<{ output: MjmlCompileOutput; cached: boolean }> {
    const stored = await this.#readDisk(key);
    if (stored) {
      this.stats.hits++;
      this.stats.diskHits++;
      return { output: stored, cached: true };
    }
    this.stats.misses++;
    this.stats.compiles++;
    const output = await compile();
    await this.#writeDisk(key, output);
    return { output, cached: false };
  }

  #fileFor(key: string): string | undefined {
    return this.#dir === undefined ? undefined : path.join(this.#dir, `${key}.json`);
  }

  async #readDisk(key: string): Promise<MjmlCompileOutput | undefined> {
    const file = this.#fileFor(key);
    if (!file) return undefined;
    try {
      const value: unknown = JSON.parse(await readFile(file, 'utf8'));
      return isCompileOutput(value) ? value : undefined;
    } catch {
      return undefined; // absent or damaged: compile again
    }
  }

  async #writeDisk(key: string, output: MjmlCompileOutput): Promise<void> {
    const file = this.#fileFor(key);
    if (!file) return;
    // Write then rename, so a reader never sees half a file; a failed write only costs a recompile.
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temporary, JSON.stringify(output));
      await rename(temporary, file);
    } catch {
      // The cache is an optimization; the build itself reports problems with the output folder.
    }
  }
}
