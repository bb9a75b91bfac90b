import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { startPreviewServer } from '../../src/preview/index.js';
import buildCli from '../helpers/build-cli.js';
import { spawnDev } from '../helpers/dev-process.js';
import { postSend } from '../helpers/app-requests.js';
import { useOutboxProjects } from '../sandbox/outbox-workspace.js';
import { launchChromium } from './chromium.js';

describe('txkit dev --sandbox', () => {
  const makeProject = useOutboxProjects();

  it('runs the sandbox beside the preview, whose page reads its outbox same-origin, and stops both on Ctrl+C', async () => {
    await buildCli();
    const { project } = await makeProject();
    const dev = spawnDev(['--port', '0', '--sandbox', '--sandbox-port', '0'], { cwd: project.root, env: { ...process.env, NO_COLOR: '1' } });
    const [, previewUrl] = await dev.waitFor(/Local:\s+(http:\/\/127\.0\.0\.1:\d+\/)[\s\S]*Ctrl\+C/, 20_000);
    const [, sandboxUrl] = await dev.waitFor(/Sandbox: (http:\/\/127\.0\.0\.1:\d+\/)/);

    // Seeded as `txkit sandbox` seeds: the workspace's Customer.io message 8 exists.
    const sent = await postSend(sandboxUrl!, { platform: 'customerio', channel: 'sms', messageId: 8, to: '+14155552671', data: { order_id: 'D-1' } });
    expect(sent.status).toBe(200);
    const relayed = (await (await fetch(`${previewUrl}__txkit/sandbox/outbox`)).json()) as { entries: Array<{ sms?: { text: string } }> };
    expect(relayed.entries.map((entry) => entry.sms?.text)).toEqual(['Order D-1 shipped.']);

    dev.child.kill('SIGINT');
    expect((await dev.exited).code).toBe(0);
    expect(JSON.parse(await readFile(project.path('.txkit/sandbox-outbox.json'), 'utf8')).entries).toHaveLength(1);
  });

  it('without a sandbox, the page shows no Outbox button and logs no error', async () => {
    const { config } = await makeProject();
    const server = await startPreviewServer({ config, port: 0, logLevel: 'silent' });
    const browser = await launchChromium();
    try {
      // No Content: there is no outbox to list (a 404 would be a console error on every page load).
      expect((await fetch(`${server.url}__txkit/sandbox/outbox`)).status).toBe(204);
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (entry) => {
        if (entry.type() === 'error') errors.push(entry.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(server.url);
      await page.locator('[data-testid=message-title]:not(:empty)').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.locator('[data-testid=outbox-toggle]').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
