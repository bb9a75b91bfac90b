import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The packages the browser UI imports (CodeMirror); Vite serves them, and what they import, from node_modules. */
const uiPackages = [
  '@codemirror/state',
  '@codemirror/view',
  '@codemirror/commands',
  '@codemirror/language',
  '@codemirror/lang-html',
  '@codemirror/lang-json',
  '@codemirror/lint',
];

/** The folder of package `name` as Node finds it from `from`: the nearest node_modules/<name> up the tree. */
function findPackage(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate);
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The folders of the UI's packages and of everything they depend on, found the way Node finds
 * them (hoisted or nested, symlinked by pnpm). The preview serves these and its own sources
 * only (`server.fs.allow`): library code, never the project's files.
 */
export function uiPackageDirs(uiRoot = fileURLToPath(new URL('../../preview/', import.meta.url))): string[] {
  const found = new Set<string>();
  const visit = (name: string, from: string) => {
    const dir = findPackage(name, from);
    if (dir === undefined || found.has(dir)) return;
    found.add(dir);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency, dir);
  };
  for (const name of uiPackages) visit(name, uiRoot);
  return [...found];
}
