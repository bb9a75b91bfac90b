import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where txkit finds things in a project: its configuration file and the message folders. Apart
 * from the loaders (no YAML, no schema), so what only needs these starts without them.
 */

export const configFileName = 'txkit.config.yaml';
export const messageFileName = 'message.yaml';

/** A folder is a message when it has a message.yaml; one txkit cannot look into counts too (loading it says why). */
async function mayHoldMessage(dir: string): Promise<boolean> {
  try {
    await lstat(path.join(dir, messageFileName));
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/** Message directories: folders with a message.yaml; `_partials` and dot-folders are not messages. */
export async function listMessageDirs(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true });
  const dirs = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_') && !entry.name.startsWith('.'))
    .map((entry) => path.join(root, entry.name));
  const holding = await Promise.all(dirs.map(mayHoldMessage));
  return dirs.filter((_, index) => holding[index]).sort();
}
