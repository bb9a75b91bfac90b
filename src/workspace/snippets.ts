import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeSource } from './read-source-file.js';

/** Folder of the workspace's Customer.io snippets: `templates/_snippets/footer.liquid` is `{{ snippets.footer }}`. */
export const snippetsFolder = '_snippets';
const snippetExtension = '.liquid';

/** The file of snippet `name`, relative to the workspace (`_snippets/footer.liquid`), as its diagnostics name it. */
export function snippetFile(name: string): string {
  return `${snippetsFolder}/${name}${snippetExtension}`;
}

/**
 * The workspace's snippets by name. Only regular files directly in the folder are read (no
 * symlinks, no subfolders), so a snippet can never pull in a file from outside the workspace.
 * Read once when the engines are made; a workspace without the folder has no snippets.
 */
export function loadSnippets(workspaceRoot: string): Map<string, string> {
  const folder = path.join(workspaceRoot, snippetsFolder);
  const snippets = new Map<string, string>();
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return snippets;
  }
  for (const name of names.sort()) {
    if (!name.endsWith(snippetExtension) || name.startsWith('.')) continue;
    const file = path.join(folder, name);
    if (!lstatSync(file).isFile()) continue;
    const decoded = decodeSource(file, readFileSync(file));
    // Customer.io trims a snippet's value before storing it; the preview shows the same text.
    if (decoded.text !== undefined) snippets.set(name.slice(0, -snippetExtension.length), decoded.text.trim());
  }
  return snippets;
}
