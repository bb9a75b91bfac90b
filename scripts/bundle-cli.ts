/**
 * `npm run build`, after tsc: the CLI bundled into dist/cli-bundle/, which bin/txkit.js runs.
 * Loading ~60 of txkit's modules and yaml's ~50 CommonJS files one by one was a fifth of
 * `txkit list`; bundled they are a few files. Code split at every dynamic import, so a command
 * still loads only what it uses; the other dependencies stay external (loaded from
 * node_modules, one copy). The bundle sits two levels under the package root, as dist/cli/ does,
 * so paths found from `import.meta.url` (package.json, preview/) are the same.
 */
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Bundled: small, loaded by every command, and slow to load file by file. */
const bundled = new Set(['commander', 'picocolors', 'yaml']);

const { dependencies } = JSON.parse(await readFile(`${root}package.json`, 'utf8')) as { dependencies: Record<string, string> };
const external = Object.keys(dependencies)
  .filter((name) => !bundled.has(name))
  .flatMap((name) => [name, `${name}/*`]);

const outdir = `${root}dist/cli-bundle`;
await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: [`${root}dist/cli/main.js`],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  // Bundled CommonJS (commander, yaml) calls require() for Node's modules.
  banner: { js: "import { createRequire as __txkitCreateRequire } from 'node:module'; const require = __txkitCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
