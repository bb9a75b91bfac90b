import { GitError } from '../git.js';

/** One file in git's index (`git ls-files --stage`). */
export interface IndexEntry {
  /** 100644, 100755, 120000 (symlink), 160000 (submodule). */
  mode: string;
  objectId: string;
  /** 0, or 1–3 while a merge conflict is unresolved. */
  stage: number;
  /** Relative to the repository root, with `/`. */
  path: string;
}

/** Parses `git ls-files -z --stage` output. */
export function parseIndexEntries(output: string): IndexEntry[] {
  return output
    .split('\0')
    .filter((record) => record !== '')
    .map((record) => {
      const tab = record.indexOf('\t');
      const [mode = '', objectId = '', stage = '0'] = record.slice(0, tab).split(' ');
      return { mode, objectId, stage: Number(stage), path: record.slice(tab + 1) };
    });
}

/** Parses `git cat-file --batch` output: `<id> <type> <size>\n<bytes>\n` per object, in request order. */
export function parseCatFileBatch(output: Buffer): Buffer[] {
  const objects: Buffer[] = [];
  let offset = 0;
  while (offset < output.length) {
    const headerEnd = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, headerEnd).toString('utf8').split(' ');
    if (headerEnd === -1 || header[1] === 'missing') throw new GitError(`git cat-file: object ${header[0]} is missing`);
    const size = Number(header[2]);
    objects.push(output.subarray(headerEnd + 1, headerEnd + 1 + size));
    offset = headerEnd + 1 + size + 1;
  }
  return objects;
}
