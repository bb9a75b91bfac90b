import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * vitest globalSetup: compiles src/ to dist/ once per run (`tsc -p tsconfig.build.json`), so
 * the CLI tests run `node bin/txkit.js` against the code under test, not a stale build.
 * tsc still emits when some file has type errors (exit status 2); type checking is
 * `npm run typecheck`'s job, so only a build that produced no CLI fails the run.
 */
export default async function buildCli(): Promise<void> {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = await new Promise<{ status: number | null; output: string }>((resolve) => {
    execFile(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, output: stdout + stderr });
    });
  });
  if ((result.status !== 0 && result.status !== 2) || !existsSync(`${root}/dist/cli/main.js`)) {
    throw new Error(`building the CLI failed (tsc exit status ${result.status}):\n${result.output}`);
  }
}
