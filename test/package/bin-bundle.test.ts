import { execFile } from 'node:child_process';
import { readFile, rm, utimes } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir.js';

// Spawns bin/txkit.js on purpose: which compiled CLI the installed bin starts is the point.
const bin = fileURLToPath(new URL('../../bin/txkit.js', import.meta.url));
const tempDir = useTempDirs();

/** A package with bin/txkit.js and stand-ins for the two compiled CLIs, each saying which it is. */
async function packageWithBoth() {
  return tempDir({
    'package.json': '{ "type": "module" }\n',
    'bin/txkit.js': await readFile(bin, 'utf8'),
    'dist/cli/main.js': "export async function main() { process.stdout.write('dist/cli'); return 0; }\n",
    'dist/cli-bundle/main.js': "export async function main() { process.stdout.write('dist/cli-bundle'); return 0; }\n",
  });
}

async function run(binPath: string): Promise<string> {
  return (await promisify(execFile)(process.execPath, [binPath])).stdout;
}

describe('bin/txkit.js', () => {
  it('runs the bundle when it was built after dist/cli/, and dist/cli/ when that was compiled again since or there is no bundle', async () => {
    const dir = await packageWithBoth();
    const [older, newer] = [new Date('2026-01-01T00:00:00Z'), new Date('2026-01-02T00:00:00Z')];
    await utimes(dir.path('dist/cli/main.js'), older, older);
    await utimes(dir.path('dist/cli-bundle/main.js'), newer, newer);
    expect(await run(dir.path('bin/txkit.js'))).toBe('dist/cli-bundle');

    await utimes(dir.path('dist/cli/main.js'), newer, newer);
    await utimes(dir.path('dist/cli-bundle/main.js'), older, older);
    expect(await run(dir.path('bin/txkit.js'))).toBe('dist/cli');

    await rm(dir.path('dist/cli-bundle'), { recursive: true });
    expect(await run(dir.path('bin/txkit.js'))).toBe('dist/cli');
  });
});
