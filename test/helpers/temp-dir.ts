import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/** A file to create: text (written as UTF-8), raw bytes, or a symbolic link to `symlinkTo`. */
export type FileContent = string | Uint8Array | { symlinkTo: string };

/** Relative path (with `/`) → content. Parent folders are created as needed. */
export type FileTree = Record<string, FileContent>;

export interface TempDir {
  /** Absolute path of the directory (under the OS temp folder). */
  readonly root: string;
  /** Absolute path of `relative` inside the directory. */
  path: (relative: string) => string;
  /** Adds or overwrites files. */
  write(files: FileTree): Promise<void>;
  /** Deletes the directory and everything in it. */
  remove(): Promise<void>;
}

/** Creates a real temporary directory (fs.mkdtemp) filled with `files`. */
export async function makeTempDir(files: FileTree = {}, prefix = 'txkit-test-'): Promise<TempDir> {
  const root = await mkdtemp(path.join(os.tmpdir(), prefix));
  const resolve = (relative: string) => path.join(root, ...relative.split('/'));
  const dir: TempDir = {
    root,
    path: resolve,
    async write(tree) {
      for (const [relative, content] of Object.entries(tree)) {
        const file = resolve(relative);
        await mkdir(path.dirname(file), { recursive: true });
        if (typeof content === 'object' && 'symlinkTo' in content) await symlink(content.symlinkTo, file);
        else await writeFile(file, content);
      }
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
  await dir.write(files);
  return dir;
}

/**
 * Call at the top of a test file: returns a makeTempDir whose directories are removed after
 * each test, so a failing test leaves nothing behind either.
 */
export function useTempDirs(): (files?: FileTree, prefix?: string) => Promise<TempDir> {
  const made: TempDir[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => dir.remove()));
  });
  return async (files, prefix) => {
    const dir = await makeTempDir(files, prefix);
    made.push(dir);
    return dir;
  };
}
