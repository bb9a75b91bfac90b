import { execFileSync } from 'node:child_process';
import { cp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { validateEverything } from '../../src/validate/cached-validation.js';
import { validateWorkingTree } from '../../src/validate/run-validation.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { repoRoot } from './helpers.js';

const tempDir = useTempDirs();

/** Two example messages (email + SMS, Liquid and Handlebars) and the partials they include. */
async function project() {
  const dir = await tempDir();
  for (const folder of ['order-confirmation', 'password-reset', '_partials'])
    await cp(path.join(repoRoot, 'templates', folder), dir.path(`templates/${folder}`), { recursive: true });
  return dir;
}

const sorted = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => JSON.stringify(diagnostic)).sort();

/** What validate reports without the result cache (it never reads nor writes it). */
const uncached = (root: string) => validateWorkingTree({ cwd: root, paths: [] });

async function edit(file: string, change: (text: string) => string): Promise<void> {
  await writeFile(file, change(await readFile(file, 'utf8')));
}

describe('validate keeps each message’s results in .txkit-cache/validate', () => {
  it('answers a second run with nothing changed from the cache, with what a run without it reports', async () => {
    const dir = await project();
    await edit(dir.path('templates/order-confirmation/samples/standard.json'), (text) => text.replace('"customer": {', '"customer": { "stray": 1,'));
    const first = await validateEverything({ cwd: dir.root });
    expect(sorted(first)).toEqual(sorted(await uncached(dir.root)));
    expect(first.length).toBeGreaterThan(0);

    // Plant a diagnostic in the stored results: only a run answered from the cache can report it.
    const file = dir.path('.txkit-cache/validate/results.json');
    const stored = JSON.parse(await readFile(file, 'utf8')) as { entries: Record<string, { diagnostics: Diagnostic[] }> };
    stored.entries['password-reset']!.diagnostics.push({
      ruleId: 'planted',
      severity: 'error',
      message: 'planted by the cache test',
      file: 'x',
      line: 1,
      column: 1,
    });
    await writeFile(file, JSON.stringify(stored));
    const second = await validateEverything({ cwd: dir.root });
    expect(sorted(second)).toEqual(
      sorted([...first, { ruleId: 'planted', severity: 'error', message: 'planted by the cache test', file: 'x', line: 1, column: 1 }]),
    );
  });

  it('checks a message that reads the clock again on every run: its results can change with no file changed', async () => {
    const dir = await project();
    // The date an order is confirmed: the month's name changes the SMS's length, and so its checks.
    const sms = dir.path('templates/order-confirmation/sms.txt');
    await edit(sms, (text) => `${text.trimEnd()} ({{ 'now' | date: '%B %-d' }})\n`);
    await validateEverything({ cwd: dir.root });
    const file = dir.path('.txkit-cache/validate/results.json');
    const stored = JSON.parse(await readFile(file, 'utf8')) as { entries: Record<string, { diagnostics: Diagnostic[] }> };
    // The message without the clock is kept (a second run answers it from the cache), the one with it is not.
    expect(Object.keys(stored.entries)).toEqual(['password-reset']);
    // The same holds for a clock read from a sample's value instead of a template.
    await edit(sms, (text) => text.replace(`'now'`, 'trigger.sent_at'));
    await edit(dir.path('templates/order-confirmation/samples/standard.json'), (text) => text.replace('"trigger": {', '"trigger": { "sent_at": "now",'));
    await validateEverything({ cwd: dir.root });
    const again = JSON.parse(await readFile(file, 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(again.entries)).toEqual(['password-reset']);
  });

  it('fingerprints a link to /dev/zero and a FIFO in a message folder without reading them, and reports what a run without the cache does', async () => {
    const dir = await project();
    await validateEverything({ cwd: dir.root });
    // Added after a cached run: the second run digests every file of the folders it looks up.
    // Read for their bytes, /dev/zero would never end and the FIFO (no writer) would block for ever.
    await symlink('/dev/zero', dir.path('templates/order-confirmation/samples/zero.json'));
    execFileSync('mkfifo', [dir.path('templates/password-reset/samples/pipe.json')]);
    const second = await validateEverything({ cwd: dir.root });
    expect(sorted(second)).toEqual(sorted(await uncached(dir.root)));
    expect(second.filter((diagnostic) => diagnostic.ruleId === 'workspace/path').map((diagnostic) => path.basename(diagnostic.file))).toEqual(
      expect.arrayContaining(['zero.json', 'pipe.json']),
    );
  });

  it.each([
    ['a sample', 'templates/order-confirmation/samples/standard.json', (text: string) => text.replace(/"first_name": "[^"]*"/, '"first_name": 42')],
    ['a template', 'templates/order-confirmation/sms.txt', (text: string) => `${text} {{ customer.nickname }}`],
    ['message.yaml', 'templates/password-reset/message.yaml', (text: string) => `${text}\nunknown_key: 1\n`],
    ['a shared partial', 'templates/_partials/header.mjml', (text: string) => text.replace('<mj-section', '<mj-section><mj-bogus />')],
  ])('checks again what %s changed, and reports what a run without the cache does', async (_what, relative, change) => {
    const dir = await project();
    await validateEverything({ cwd: dir.root });
    const before = await uncached(dir.root);
    await edit(dir.path(relative), change);
    const after = await validateEverything({ cwd: dir.root });
    expect(sorted(after)).toEqual(sorted(await uncached(dir.root)));
    expect(sorted(after)).not.toEqual(sorted(before));
  });

  it('checks everything again when txkit.config.yaml changes (rule severities)', async () => {
    const dir = await project();
    const first = await validateEverything({ cwd: dir.root });
    const reported = first[0]!;
    await writeFile(dir.path('txkit.config.yaml'), `rules:\n  ${reported.ruleId}: off\n`);
    const second = await validateEverything({ cwd: dir.root });
    expect(second.some((diagnostic) => diagnostic.ruleId === reported.ruleId)).toBe(false);
    expect(sorted(second)).toEqual(sorted(await uncached(dir.root)));
  });

  it('forgets a message whose folder is removed', async () => {
    const dir = await project();
    const first = await validateEverything({ cwd: dir.root });
    const removed = path.relative(dir.path('templates'), first[0]!.file).split(path.sep)[0]!;
    await rm(dir.path(`templates/${removed}`), { recursive: true });
    const second = await validateEverything({ cwd: dir.root });
    expect(second.some((diagnostic) => diagnostic.file.includes(`${path.sep}${removed}${path.sep}`))).toBe(false);
    expect(sorted(second)).toEqual(sorted(await uncached(dir.root)));
  });
});
