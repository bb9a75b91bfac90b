import { execFile } from 'node:child_process';
import { mkdir, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
/** Every module of dist/ depends on these as well as on its own source. */
const settingsFiles = ['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((name) => path.join(root, name));
const workDir = path.join(root, 'node_modules', '.cache', 'txkit-build');
const lockDir = path.join(workDir, 'lock');
const staleLockMs = 5 * 60_000;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

const modified = async (file: string) => (await stat(file)).mtimeMs;

/** Newest modification time of what the build reads: src/ and the compiler settings. */
async function newestSourceMtime(): Promise<number> {
  const times = await Promise.all([...(await filesUnder(src)), ...settingsFiles].map(modified));
  return Math.max(...times);
}

/**
 * Each source's compiled module is at least as new as it and as the compiler settings. `npm run
 * build` (which `npm test` and `npm ci` run first) leaves dist/ so, and so does a build here, so a
 * fresh clone is not compiled twice.
 */
async function isUpToDate(): Promise<boolean> {
  try {
    const settings = Math.max(...(await Promise.all(settingsFiles.map(modified))));
    const sources = (await filesUnder(src)).filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts')); // a .d.ts compiles to nothing
    const fresh = await Promise.all(
      sources.map(async (source) => {
        const compiled = path.join(dist, path.relative(src, source)).replace(/\.ts$/, '.js');
        return (await modified(compiled)) >= Math.max(settings, await modified(source));
      }),
    );
    return fresh.every(Boolean);
  } catch {
    return false; // a module not compiled yet
  }
}

/** One build at a time across vitest workers (and other checkouts' runs of this file): mkdir is atomic. */
async function withLock<T>(work: () => Promise<T>): Promise<T> {
  await mkdir(workDir, { recursive: true });
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (await stat(lockDir).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > staleLockMs) await rm(lockDir, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

function runNode(args: readonly string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: root, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, output: stdout + stderr });
    });
  });
}

const runTsc = (outDir: string) => runNode([createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir]);

/** bin/txkit.js runs the bundle only when it is at least as new as dist/cli/main.js, as `npm run build` leaves it. */
async function isBundleFresh(): Promise<boolean> {
  try {
    return (await modified(path.join(dist, 'cli-bundle', 'main.js'))) >= (await modified(path.join(dist, 'cli', 'main.js')));
  } catch {
    return false;
  }
}

/** `npm run build`'s second step: dist/cli/ bundled into dist/cli-bundle/ (scripts/bundle-cli.ts). */
async function bundleCli(): Promise<void> {
  const result = await runNode(['--import', 'tsx', 'scripts/bundle-cli.ts']);
  if (result.status !== 0) throw new Error(`bundling the CLI failed (exit status ${result.status}):\n${result.output}`);
}

/**
 * Compiles src/ to dist/ (`tsc -p tsconfig.build.json`) unless each module of dist/ is already
 * newer than its source, and bundles it as `npm run build` does unless the bundle is newer than
 * dist/cli/, so CLI tests run `node bin/txkit.js` against the code under test, in the form users
 * run (so `npm test` need not build first). vitest globalSetup entry point; test files that need
 * the CLI may also await it (then it is a quick check).
 */
export default async function buildCli(): Promise<void> {
  if ((await isUpToDate()) && (await isBundleFresh())) return;
  await withLock(async () => {
    // Another worker may have built it while we waited.
    if (!(await isUpToDate())) await compile();
    if (!(await isBundleFresh())) await bundleCli();
  });
}

/**
 * tsc to a scratch folder, then each file renamed into dist/ (an atomic replace), so a CLI process
 * started meanwhile never loads a half-written module (the bundle is written in place: it is
 * rebuilt during a run only when a source changes meanwhile). tsc still emits when some file has
 * type errors (exit status 2); type checking is `npm run typecheck`'s job, so only a build that
 * produced no CLI fails.
 */
async function compile(): Promise<void> {
  const sourcesSeen = await newestSourceMtime();
  const outDir = path.join(workDir, `out-${process.pid}-${Date.now()}`);
  try {
    const result = await runTsc(outDir);
    const built = await filesUnder(outDir).catch((): string[] => []);
    if ((result.status !== 0 && result.status !== 2) || !built.includes(path.join(outDir, 'cli', 'main.js'))) {
      throw new Error(`building the CLI failed (tsc exit status ${result.status}):\n${result.output}`);
    }
    // Dated when the sources were read, not written: a source saved during the build is newer, so the next run rebuilds.
    // (The next whole millisecond: a Date, or the seconds' float rounding, could land just below a source's time.)
    const seenAt = (Math.floor(sourcesSeen) + 1) / 1000;
    for (const file of built) {
      const target = path.join(dist, path.relative(outDir, file));
      await mkdir(path.dirname(target), { recursive: true });
      await utimes(file, seenAt, seenAt);
      await rename(file, target);
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
