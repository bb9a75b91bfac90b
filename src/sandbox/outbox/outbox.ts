import type { OutboxEntry } from './outbox-entry.js';
import { readOutboxFile, removeOutboxFile, writeOutboxFile } from './outbox-file.js';

export interface OutboxOptions {
  /** Most entries kept; the oldest are dropped beyond it. */
  limit: number;
  /** Where the outbox survives a restart; in memory only when absent. */
  file?: string;
  /** Start empty, deleting the file (`txkit sandbox --reset`). */
  reset?: boolean;
  /** Told of a file that could not be read (the outbox starts empty) or written (it stays in memory). */
  onWarning?: (message: string) => void;
}

/** Every send the sandbox received, newest first, saved to a file after each one when it has one. */
export class Outbox {
  readonly limit: number;
  readonly #file: string | undefined;
  readonly #onWarning: (message: string) => void;
  #entries: OutboxEntry[] = [];
  readonly #listeners = new Set<(entry: OutboxEntry) => void>();
  /** The write in progress, if any; writes run one at a time. */
  #saving: Promise<void> = Promise.resolve();
  /** A write is queued behind the current one: further adds ride on it. */
  #saveQueued = false;

  private constructor(options: OutboxOptions) {
    this.limit = options.limit;
    this.#file = options.file;
    this.#onWarning = options.onWarning ?? (() => {});
  }

  /** The outbox with the file's entries (none with `reset`); an unreadable file is a warning, never an error. */
  static async open(options: OutboxOptions): Promise<Outbox> {
    const outbox = new Outbox(options);
    if (!options.file) return outbox;
    if (options.reset) {
      await removeOutboxFile(options.file);
      return outbox;
    }
    const { entries, warning } = await readOutboxFile(options.file);
    if (warning) outbox.#onWarning(warning);
    outbox.#entries = entries.slice(0, outbox.limit);
    return outbox;
  }

  /** Newest first. */
  entries(): readonly OutboxEntry[] {
    return this.#entries;
  }

  add(entry: OutboxEntry): void {
    this.#entries = [entry, ...this.#entries].slice(0, this.limit);
    for (const listener of this.#listeners) listener(entry);
    this.#save();
  }

  /** Calls `listener` with every entry added from now on; returns the unsubscribe function. */
  subscribe(listener: (entry: OutboxEntry) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Resolves once every entry added so far is in the file. */
  flush(): Promise<void> {
    return this.#saving;
  }

  #save(): void {
    const file = this.#file;
    if (!file || this.#saveQueued) return;
    this.#saveQueued = true;
    this.#saving = this.#saving.then(async () => {
      this.#saveQueued = false;
      try {
        await writeOutboxFile(file, this.#entries);
      } catch (error) {
        this.#onWarning(`cannot write the outbox ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}): it is kept in memory only`);
      }
    });
  }
}
