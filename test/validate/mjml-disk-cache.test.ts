import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateWorkingTree } from '../../src/validate/run-validation.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { repoRoot } from './helpers.js';

const tempDir = useTempDirs();

/** A project holding one MJML example message (and the partials it includes). */
async function mjmlProject() {
  const project = await tempDir();
  for (const folder of ['password-reset', '_partials'])
    await cp(path.join(repoRoot, 'templates', folder), project.path(`templates/${folder}`), { recursive: true });
  return project;
}

describe('validate keeps compiled MJML in .txkit-cache', () => {
  it('writes each compiled email to .txkit-cache/mjml and reads it back on the next run instead of running mjml', async () => {
    const project = await mjmlProject();
    const first = await validateWorkingTree({ cwd: project.root, paths: [] });
    const cacheDir = project.path('.txkit-cache/mjml');
    const entries = (await readdir(cacheDir)).filter((name) => name.endsWith('.json'));
    expect(entries).toHaveLength(1);

    // Plant a validation error in the stored output: only a run that reads the cache can report it.
    const entry = path.join(cacheDir, entries[0]!);
    const stored = JSON.parse(await readFile(entry, 'utf8')) as { errors: unknown[] };
    stored.errors.push({ line: 1, message: 'planted by the cache test', tagName: 'mj-text' });
    await writeFile(entry, JSON.stringify(stored));

    const second = await validateWorkingTree({ cwd: project.root, paths: [] });
    expect(first.some((diagnostic) => diagnostic.message.includes('planted by the cache test'))).toBe(false);
    expect(second.some((diagnostic) => diagnostic.message.includes('planted by the cache test'))).toBe(true);
  });

  it('compiles again when the MJML changes (entries are keyed by content)', async () => {
    const project = await mjmlProject();
    await validateWorkingTree({ cwd: project.root, paths: [] });
    const body = project.path('templates/password-reset/email.mjml');
    await writeFile(body, `<!-- edited -->\n${await readFile(body, 'utf8')}`);
    await validateWorkingTree({ cwd: project.root, paths: [] });
    expect((await readdir(project.path('.txkit-cache/mjml'))).filter((name) => name.endsWith('.json'))).toHaveLength(2);
  });
});
