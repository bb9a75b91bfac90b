import { stat } from 'node:fs/promises';
import path from 'node:path';
import { watch } from 'chokidar';

export interface WorkspaceWatcher {
  /** Resolves once the initial scan is done and changes are being reported. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface WatchOptions {
  /**
   * Called with every changed path (absolute), one call at a time; changes during a call are
   * batched into the next. `morePending()` tells whether such changes are already waiting.
   */
  onChange(files: string[], morePending: () => boolean): Promise<void>;
  onError(error: unknown): void;
}

/**
 * chokidar drops a second `change` of the same file within 50 ms, so a save written in two
 * steps (truncate, then write) can be seen half-done with no later event. Each processed
 * file is therefore checked again after this window, and processed again if it moved on.
 */
const settleCheckMs = 80;

/** Size, mtime and inode, or "missing": enough to notice a later write. */
async function signatureOf(file: string): Promise<string> {
  try {
    const stats = await stat(file);
    return `${stats.size}:${stats.mtimeMs}:${stats.ino}`;
  } catch {
    return 'missing';
  }
}

/** Dot-files (editor swap files, our own temp files) and editor backups are never content. */
function isNoise(file: string): boolean {
  const name = path.basename(file);
  return name.startsWith('.') || name.endsWith('~') || name.endsWith('.tmp') || name === 'node_modules';
}

/** Watches the workspace folder and reports changed files, batched, as soon as they happen. */
export function watchWorkspace(root: string, options: WatchOptions): WorkspaceWatcher {
  const watcher = watch(root, { ignoreInitial: true, ignored: (file) => file !== root && isNoise(file) });
  const pending = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let running = false;
  let closed = false;

  async function flush(): Promise<void> {
    running = true;
    try {
      while (pending.size > 0 && !closed) {
        const files = [...pending];
        pending.clear();
        const before = await Promise.all(files.map(signatureOf));
        try {
          await options.onChange(files, () => pending.size > 0);
        } catch (error) {
          options.onError(error);
        }
        scheduleSettleCheck(files, before);
      }
    } finally {
      running = false;
    }
  }

  function enqueue(file: string): void {
    if (closed) return;
    pending.add(file);
    // setImmediate gathers the events of one burst (a git checkout, a rename) into one batch.
    if (!running) setImmediate(() => void (running ? undefined : flush()));
  }

  function scheduleSettleCheck(files: string[], before: string[]): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      void Promise.all(files.map(signatureOf)).then((after) => {
        after.forEach((signature, index) => {
          if (signature !== before[index]) enqueue(files[index]!);
        });
      });
    }, settleCheckMs);
    timers.add(timer);
  }

  watcher.on('all', (_event, file) => enqueue(path.resolve(file)));
  watcher.on('error', (error) => options.onError(error));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      await watcher.close();
    },
  };
}
