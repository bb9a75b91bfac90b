/**
 * `npm run build`, after tsc: the CLI bundled into dist/cli-bundle/, which bin/txkit.js runs.
 * Loading ~60 of txkit's modules and yaml's ~50 CommonJS files one by one was a fifth of
 * `txkit list`; bundled they are a few files. Code split at every dynamic import, so a command
 * still loads only what it uses; the other dependencies stay external (loaded from
 * node_modules, one copy). The bundle sits two levels under the package root, as dist/cli/ does,
 * so paths found from `import.meta.url` (package.json, preview/) are the same.
 */
import { build, type Plugin } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/**
 * Bundled with everything they require: loaded by every command (commander, picocolors, yaml), or
 * many CommonJS files whose one-by-one loading costs more than their code (mjml: ~640 files, ~0.6 s
 * of CPU to load from node_modules, ~0.25 s bundled; handlebars and postcss: ~80 with theirs). Each keeps its own copies of its
 * dependencies, resolved from where it sits, as Node resolves them.
 */
const bundled = new Set(['commander', 'picocolors', 'yaml', 'mjml', 'handlebars', 'postcss']);

/**
 * What the bundled packages' trees require but txkit never reaches: TypeScript is cosmiconfig's
 * loader for `.mjmlconfig.ts` files (txkit inlines includes itself and reads no mjml config);
 * undici is cheerio's HTTP client for `cheerio.fromURL`, which juice never calls (110 files).
 */
const unreachable: Record<string, string> = {
  typescript: 'external',
  undici: 'empty',
};

const { dependencies } = JSON.parse(await readFile(`${root}package.json`, 'utf8')) as { dependencies: Record<string, string> };

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** txkit's own imports of its dependencies stay external unless bundled; inside a bundled package's tree, everything is bundled. */
const dependencyPlacement: Plugin = {
  name: 'txkit-dependency-placement',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return undefined;
      const name = packageOf(args.path);
      const insidePackage = args.importer.includes('/node_modules/');
      if (insidePackage) {
        if (unreachable[name] === 'external') return { path: args.path, external: true };
        if (unreachable[name] === 'empty') return { path: args.path, namespace: 'txkit-unreachable' };
        return undefined;
      }
      return name in dependencies && !bundled.has(name) ? { path: args.path, external: true } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'txkit-unreachable' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

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
  plugins: [dependencyPlacement],
  // Bundled CommonJS (commander, yaml, mjml) calls require() for Node's modules.
  banner: { js: "import { createRequire as __txkitCreateRequire } from 'node:module'; const require = __txkitCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
