import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir as makeSharedTempDir, useTempDirs, type TempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../..', import.meta.url));
const makeTempDir = useTempDirs();

/** The tarball `npm pack` makes of this checkout, packed once for the file's tests (in a folder of its own, removed after them). */
let packDir: TempDir;
let tarball: string;

beforeAll(async () => {
  packDir = await makeSharedTempDir();
  // dist/ is current: the vitest globalSetup rebuilt it, so `prepare` need not run again.
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir.root], { cwd: repo });
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
  tarball = path.join(packDir.root, filename);
});

afterAll(() => packDir.remove());

/**
 * A user's project with txkit installed from the tarball `npm pack` makes (the files list and the
 * `exports` map decide what a user gets, not this checkout). Installation is offline: the
 * tarball is unpacked into node_modules/txkit, as npm does, and txkit's dependencies are linked
 * from this checkout's node_modules.
 */
async function installPackedTxkit(files: Record<string, string>): Promise<string> {
  const project = await makeTempDir({ 'package.json': JSON.stringify({ name: 'user-project', private: true, type: 'module' }), ...files });
  const installed = project.path('node_modules/txkit');
  await mkdir(installed, { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  for (const entry of await readdir(path.join(repo, 'node_modules'))) {
    if (entry.startsWith('.') || entry === 'txkit') continue;
    await symlink(path.join(repo, 'node_modules', entry), project.path(`node_modules/${entry}`));
  }
  return project.root;
}

/** The ```js example block of docs/api.md. */
async function apiExample(): Promise<string> {
  const doc = await readFile(path.join(repo, 'docs/api.md'), 'utf8');
  const example = /```js example\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!example) throw new Error('docs/api.md has no ```js example block');
  return example;
}

describe('the packed package', () => {
  it('is importable by its name and runs the docs/api.md example', async () => {
    const project = await installPackedTxkit({
      'example.mjs': await apiExample(),
      'templates/order-shipped/message.yaml': 'name: Order shipped\nengine: liquid\nsms:\n  body: sms.txt\n  to: "{{ customer.phone }}"\n',
      'templates/order-shipped/sms.txt': 'Hi {{ customer.first_name }}, order {{ trigger.order_id }} has shipped.',
      'templates/order-shipped/samples/standard.json': JSON.stringify({
        customer: { first_name: 'Ada', phone: '+14155552671' },
        trigger: { order_id: '1042' },
      }),
    });

    const exported = await run(process.execPath, ['-e', "import('txkit').then((txkit) => console.log(JSON.stringify(Object.keys(txkit).sort())))"], {
      cwd: project,
    });
    expect(JSON.parse(exported.stdout)).toEqual(
      expect.arrayContaining([
        'build',
        'compileMessageEmail',
        'createEngines',
        'loadConfig',
        'loadWorkspace',
        'PlatformError',
        'renderEmail',
        'renderSms',
        'startPreviewServer',
        'syncTargetFor',
        'txkitPreview',
        'UsageError',
        'validate',
        'WorkspaceNotFoundError',
      ]),
    );

    const example = await run(process.execPath, ['example.mjs'], { cwd: project });
    // Liquid prints the sample's values in place; 48 GSM-7 characters are one segment (limit 160).
    expect(example.stdout).toContain('order-shipped (standard): Hi Ada, order 1042 has shipped. [1 segment]');
    expect(example.stdout).toContain(`built 1 message into ${path.join(project, 'build')}`);
    expect(await readFile(path.join(project, 'build/order-shipped/samples/standard.sms.txt'), 'utf8')).toBe('Hi Ada, order 1042 has shipped.');
  });

  it('declares its types and refuses deep imports outside the exports map', async () => {
    const project = await installPackedTxkit({});
    const manifest = JSON.parse(await readFile(path.join(project, 'node_modules/txkit/package.json'), 'utf8')) as { types: string };
    await expect(readFile(path.join(project, 'node_modules/txkit', manifest.types), 'utf8')).resolves.toContain('export');
    const deep = run(process.execPath, ['-e', "import('txkit/dist/cli/main.js')"], { cwd: project });
    await expect(deep).rejects.toMatchObject({ stderr: expect.stringContaining('ERR_PACKAGE_PATH_NOT_EXPORTED') });
  });
});
