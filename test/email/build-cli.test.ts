import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import buildCli from '../helpers/build-cli.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { emailYaml, mjmlDocument, section } from './email-workspace.js';

const makeTempDir = useTempDirs();
const env = { NO_COLOR: '1', FORCE_COLOR: undefined };

beforeAll(async () => {
  await buildCli();
});

const welcomeYaml = `${emailYaml({ subject: 'Welcome {{ customer.first_name }}', preheader: 'Glad you are here' })}sms:\n  to: "{{ customer.phone }}"\n`;
const project = {
  'templates/_partials/header.mjml': section('<mj-text>Northwind header</mj-text>'),
  'templates/welcome/message.yaml': welcomeYaml,
  'templates/welcome/email.mjml': mjmlDocument(
    '    <mj-include path="../_partials/header.mjml" />\n' + section('<mj-text>Welcome, {{ customer.first_name }}!</mj-text>'),
  ),
  'templates/welcome/sms.txt': 'Welcome {{ customer.first_name }}',
  'templates/welcome/samples/ada.json': JSON.stringify({ customer: { first_name: 'Ada', phone: '+14155552671' } }),
  'templates/welcome/samples/grace.json': JSON.stringify({ customer: { first_name: 'Grace', phone: '+14155552672' } }),
  'templates/notice/message.yaml': emailYaml({ body: 'email.html', text: 'email.txt' }),
  'templates/notice/email.html': '<!doctype html>\n<html lang="en" dir="ltr"><body><p>Notice for {{ customer.first_name }}</p></body></html>\n',
  'templates/notice/email.txt': 'Notice for {{ customer.first_name }}\n',
  'templates/notice/samples/ada.json': JSON.stringify({ customer: { first_name: 'Ada' } }),
};

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

interface Manifest {
  messages: { message: string; files: { path: string; sha256: string; bytes: number }[] }[];
}

describe('txkit build', () => {
  it('writes the publishable templates, each sample rendered and a manifest with content hashes into ./build', async () => {
    const dir = await makeTempDir(project);
    const result = await runCli(['build'], { cwd: dir.root, env });
    expect(result.stderr).toBe('');
    expect(result.code, result.stderr).toBe(0);
    const out = dir.path('build');
    const read = (relative: string) => readFile(path.join(out, relative), 'utf8');

    const compiled = await read('welcome/email.html');
    expect(compiled).toContain('Welcome, {{ customer.first_name }}!');
    expect(compiled).toContain('Northwind header');
    expect(await read('welcome/subject.txt')).toBe('Welcome {{ customer.first_name }}');
    expect(await read('welcome/preheader.txt')).toBe('Glad you are here');
    expect(await read('welcome/sms.txt')).toBe('Welcome {{ customer.first_name }}');
    expect(await read('welcome/samples/ada.html')).toContain('Welcome, Ada!');
    expect(await read('welcome/samples/grace.txt')).toContain('Welcome, Grace!');
    expect(await read('welcome/samples/grace.sms.txt')).toBe('Welcome Grace');
    expect(await read('notice/email.txt')).toBe('Notice for {{ customer.first_name }}\n');
    expect(await read('notice/samples/ada.txt')).toBe('Notice for Ada\n');

    const manifest = JSON.parse(await read('manifest.json')) as Manifest;
    expect(manifest.messages.map((entry) => entry.message)).toEqual(['notice', 'welcome']);
    const listed = manifest.messages.flatMap((entry) => entry.files);
    for (const file of listed) {
      const bytes = await readFile(path.join(out, file.path));
      expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(file.bytes).toBe(bytes.length);
    }
    // Everything written is listed, besides the manifest and the compile cache.
    const written = (await listFiles(out)).filter((file) => file !== 'manifest.json' && !file.startsWith('.cache/'));
    expect(listed.map((file) => file.path).sort()).toEqual(written);
    expect(result.stdout).toContain('MJML: 1 compiled, 0 from cache');
  });

  it('skips mjml in a second build of unchanged templates (a new process, through the cache on disk)', async () => {
    const dir = await makeTempDir(project);
    await runCli(['build'], { cwd: dir.root, env });
    const second = await runCli(['build', '--json'], { cwd: dir.root, env });
    expect(second.code, second.stderr).toBe(0);
    const report = JSON.parse(second.stdout) as { cache: { compiles: number; hits: number; diskHits: number } };
    expect(report.cache).toMatchObject({ compiles: 0, hits: 1, diskHits: 1 });
  });

  it('writes only inside --out', async () => {
    const dir = await makeTempDir(project);
    const before = await listFiles(dir.root);
    const elsewhere = await makeTempDir();
    const result = await runCli(['build', 'welcome', '--out', elsewhere.path('site')], { cwd: dir.root, env });
    expect(result.code, result.stderr).toBe(0);
    expect(await listFiles(dir.root)).toEqual(before);
    expect(await listFiles(elsewhere.root)).toContain('site/welcome/email.html');
  });

  it.each(['templates', '.', 'templates/welcome/out'])(
    'refuses --out %s, which is, holds or sits in a message of the workspace (exit 2, nothing written)',
    async (out) => {
      const dir = await makeTempDir(project);
      const before = await listFiles(dir.root);
      const refused = await runCli(['build', '--out', out], { cwd: dir.root, env });
      expect(refused.code, refused.stderr).toBe(2);
      expect(refused.stderr).toContain('--out');
      expect(await listFiles(dir.root)).toEqual(before);
    },
  );

  it('exits 1 on error diagnostics but still writes what rendered', async () => {
    const dir = await makeTempDir({
      ...project,
      'templates/welcome/email.mjml': mjmlDocument(
        section('<mj-text>Hi {{ customer.first_name }}</mj-text>\n        <mj-button href="{{ customer.profile_url }}">Profile</mj-button>'),
      ),
    });
    const result = await runCli(['build'], { cwd: dir.root, env });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain('email/href-empty-personalization');
    expect(result.stderr).toContain(path.join('templates', 'welcome', 'email.mjml'));
    expect(await readFile(dir.path('build/welcome/samples/ada.html'), 'utf8')).toContain('Hi Ada');
  });

  it('keeps other messages in the manifest when building one, and removes files a rebuilt message no longer produces', async () => {
    const dir = await makeTempDir(project);
    await runCli(['build'], { cwd: dir.root, env });
    await rm(dir.path('templates/welcome/samples/grace.json'));
    const result = await runCli(['build', 'welcome'], { cwd: dir.root, env });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(dir.path('build/welcome/samples/grace.html'))).toBe(false);
    expect(existsSync(dir.path('build/welcome/samples/ada.html'))).toBe(true);
    const manifest = JSON.parse(await readFile(dir.path('build/manifest.json'), 'utf8')) as Manifest;
    expect(manifest.messages.map((entry) => entry.message)).toEqual(['notice', 'welcome']);
    expect(manifest.messages.find((entry) => entry.message === 'welcome')!.files.some((file) => file.path.includes('grace'))).toBe(false);
  });

  it('is a usage error (exit 2) for an unknown message id', async () => {
    const dir = await makeTempDir(project);
    const result = await runCli(['build', 'nosuch'], { cwd: dir.root, env });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('nosuch');
    expect(existsSync(dir.path('build'))).toBe(false);
  });
});
