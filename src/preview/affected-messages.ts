import path from 'node:path';

/** What the preview knows about a loaded message, to tell whether a file change concerns it. */
export interface MessageDependencies {
  dir: string;
  /** Absolute paths read to load it: message.yaml, template files (possibly outside its folder), samples. */
  files: ReadonlySet<string>;
  /** Its email is MJML, which can `mj-include` any file under a `_` folder such as `_partials/`. */
  includesPartials: boolean;
}

/**
 * The message folders to reload after the files at `changed` (absolute paths) were written,
 * added or removed. A change inside a message folder concerns that folder (which may be new
 * or gone: the caller checks for message.yaml); a change under a `_` folder concerns every
 * MJML message; any message that reads the file concerns itself with it. Dot-folders and
 * paths outside `root` concern nobody.
 */
export function affectedMessageDirs(root: string, changed: readonly string[], known: readonly MessageDependencies[]): Set<string> {
  const dirs = new Set<string>();
  for (const file of changed) {
    const relative = path.relative(root, file);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) continue;
    const top = relative.split(path.sep)[0]!;
    if (top.startsWith('.')) continue;
    for (const message of known) {
      if (message.files.has(file)) dirs.add(message.dir);
    }
    if (top.startsWith('_')) {
      for (const message of known) if (message.includesPartials) dirs.add(message.dir);
    } else {
      dirs.add(path.join(root, top));
    }
  }
  return dirs;
}
