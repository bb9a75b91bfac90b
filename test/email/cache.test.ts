import { readdir, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { MjmlCache } from '../../src/email/index.js';
import { compileMessageEmail, hasEmail, type EmailMessage } from '../../src/email/render-email.js';
import { isBroken, loadConfig, loadMessage, type Message } from '../../src/workspace/index.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { positionOf } from '../helpers/text-position.js';
import { emailYaml, mjmlDocument, section, useEmailWorkspaces } from './email-workspace.js';

const loadEmail = useEmailWorkspaces();
const makeTempDir = useTempDirs();

function emailOf(message: Message): EmailMessage {
  if (!hasEmail(message)) throw new Error('no email');
  return message;
}

const files = {
  'message.yaml': emailYaml(),
  'email.mjml': mjmlDocument('    <mj-include path="../_partials/header.mjml" />\n' + section('<mj-text>Hi {{ customer.first_name }}</mj-text>')),
  '../_partials/header.mjml': section('<mj-text>Header v1</mj-text>'),
};

describe('compile once: the MJML cache', () => {
  it('does not run mjml again for unchanged source (counted by the cache, not timed)', async () => {
    const { message } = await loadEmail(files);
    const cache = new MjmlCache();
    const first = await compileMessageEmail(emailOf(message), { cache });
    expect(cache.stats).toEqual({ hits: 0, diskHits: 0, misses: 1, compiles: 1 });
    expect(first.cached).toBe(false);
    const second = await compileMessageEmail(emailOf(message), { cache });
    expect(cache.stats).toEqual({ hits: 1, diskHits: 0, misses: 1, compiles: 1 });
    expect(second.cached).toBe(true);
    expect(second.html).toBe(first.html);
    expect(second.html).toContain('Hi {{ customer.first_name }}');
  });

  it('compiles again when an included partial changes, even though email.mjml did not', async () => {
    const { message, path } = await loadEmail(files);
    const cache = new MjmlCache();
    await compileMessageEmail(emailOf(message), { cache });
    await writeFile(path('../_partials/header.mjml'), section('<mj-text>Header v2</mj-text>'));
    const after = await compileMessageEmail(emailOf(message), { cache });
    expect(cache.stats.compiles).toBe(2);
    expect(after.cached).toBe(false);
    expect(after.html).toContain('Header v2');
    expect(after.html).not.toContain('Header v1');
  });

  it('shares one compile between concurrent requests for the same source', async () => {
    const { message } = await loadEmail(files);
    const cache = new MjmlCache();
    const results = await Promise.all([1, 2, 3].map(() => compileMessageEmail(emailOf(message), { cache })));
    expect(cache.stats.compiles).toBe(1);
    expect(new Set(results.map((result) => result.html)).size).toBe(1);
  });

  it('persists to disk, so a fresh cache (another process) skips mjml; a damaged entry is recompiled', async () => {
    const { message, path } = await loadEmail(files);
    const dir = (await makeTempDir()).path('cache');
    const writer = new MjmlCache({ dir });
    const compiled = await compileMessageEmail(emailOf(message), { cache: writer });
    expect(writer.stats.compiles).toBe(1);

    const reader = new MjmlCache({ dir });
    const again = await compileMessageEmail(emailOf(message), { cache: reader });
    expect(reader.stats).toEqual({ hits: 1, diskHits: 1, misses: 0, compiles: 0 });
    expect(again.html).toBe(compiled.html);
    // Positions still come out right from a disk entry: the tag maps to where it is written in email.mjml.
    const tag = again.html.indexOf('{{ customer.first_name }}');
    expect(again.source.locate(tag)).toEqual({ file: path('email.mjml'), ...positionOf(files['email.mjml'], '{{ customer.first_name }}') });

    for (const name of await readdir(dir)) await writeFile(`${dir}/${name}`, '{ not json');
    const afterDamage = new MjmlCache({ dir });
    expect((await compileMessageEmail(emailOf(message), { cache: afterDamage })).html).toBe(compiled.html);
    expect(afterDamage.stats.compiles).toBe(1);
  });

  it('keys by content, not by file: two messages with the same MJML compile once', async () => {
    const project = await makeTempDir({
      'templates/one/message.yaml': emailYaml(),
      'templates/one/email.mjml': mjmlDocument(section('<mj-text>Same</mj-text>')),
      'templates/two/message.yaml': emailYaml(),
      'templates/two/email.mjml': mjmlDocument(section('<mj-text>Same</mj-text>')),
    });
    const { config } = await loadConfig(project.root);
    const cache = new MjmlCache();
    for (const id of ['one', 'two']) {
      const loaded = await loadMessage(project.path(`templates/${id}`), config);
      if (isBroken(loaded)) throw new Error('broken');
      const compiled = await compileMessageEmail(emailOf(loaded), { cache });
      expect(compiled.source.file).toBe(project.path(`templates/${id}/email.mjml`));
    }
    expect(cache.stats.compiles).toBe(1);
  });
});
