import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import buildCli from '../helpers/build-cli.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';

/**
 * Issue 14, fix 2: SFMC requires `subscriptions.list` on every email definition
 * (RequestCreateSendDefinition / updateMessageDefinition, "subscriptions.list | Required":
 * https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/updateMessageDefinition.html).
 * `txkit validate` says so before any request is made; txkit.config.yaml can give the default.
 */
describe('sfmc/missing-list', () => {
  const tempDir = useTempDirs();

  async function projectWithoutList() {
    const project = await tempDir();
    await cp(path.resolve(import.meta.dirname, '../../templates'), project.path('templates'), { recursive: true });
    const yamlFile = project.path('templates/password-reset/message.yaml');
    await writeFile(yamlFile, (await readFile(yamlFile, 'utf8')).replace(/^ {4}list: .*\n/m, ''));
    return project;
  }

  it('is reported by txkit validate for an email definition that names no list, and not once txkit.config.yaml gives one', { timeout: 120_000 }, async () => {
    await buildCli();
    const project = await projectWithoutList();
    // Nothing listens here: a request would fail differently, and validate makes none.
    const env = { SFMC_AUTH_BASE_URL: 'http://127.0.0.1:9/', NO_COLOR: '1', FORCE_COLOR: undefined };
    const missing = await runCli(['validate', 'templates/password-reset'], { cwd: project.root, env });
    expect(missing.code).toBe(1);
    expect(missing.stdout + missing.stderr).toMatch(/names no subscriber list.*sfmc\/missing-list/);

    await writeFile(project.path('txkit.config.yaml'), 'targets:\n  sfmc:\n    list: All Subscribers - 277\n');
    const listed = await runCli(['validate', 'templates/password-reset'], { cwd: project.root, env });
    expect(listed.stdout + listed.stderr).not.toMatch(/sfmc\/missing-list/);
  });
});
