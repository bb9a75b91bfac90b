import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { startPreviewServer } from '../../src/preview/index.js';
import buildCli from '../helpers/build-cli.js';
import { spawnDev } from '../helpers/dev-process.js';
import { cioKey, post } from '../sandbox/app-requests.js';
import { useOutboxProjects } from '../sandbox/outbox-workspace.js';

describe('txkit dev --sandbox', () => {
  const makeProject = useOutboxProjects();

  it('runs the sandbox beside the preview, whose page reads its outbox same-origin, and stops both on Ctrl+C', async () => {
    await buildCli();
    const { project } = await makeProject();
    const dev = spawnDev(['--port', '0', '--sandbox', '--sandbox-port', '0'], { cwd: project.root, env: { ...process.env, NO_COLOR: '1' } });
    const [, previewUrl] = await dev.waitFor(/Local:\s+(http:\/\/127\.0\.0\.1:\d+\/)[\s\S]*Ctrl\+C/, 20_000);
    const [, sandboxUrl] = await dev.waitFor(/Sandbox: (http:\/\/127\.0\.0\.1:\d+\/)/);

    // Seeded as `txkit sandbox` seeds: the workspace's Customer.io message 8 exists.
    const sent = await post(sandboxUrl!, '/v1/send/sms', cioKey, { transactional_message_id: 8, to: '+14155552671', identifiers: { id: 'u-1' }, message_data: { order_id: 'D-1' } });
    expect(sent.status).toBe(200);
    const relayed = (await (await fetch(`${previewUrl}__txkit/sandbox/outbox`)).json()) as { entries: Array<{ sms?: { text: string } }> };
    expect(relayed.entries.map((entry) => entry.sms?.text)).toEqual(['Order D-1 shipped.']);

    dev.child.kill('SIGINT');
    expect((await dev.exited).code).toBe(0);
    expect(JSON.parse(await readFile(project.path('.txkit/sandbox-outbox.json'), 'utf8')).entries).toHaveLength(1);
  });

  it('without a sandbox, the outbox path answers 404 (the page then shows no Outbox button)', async () => {
    const { config } = await makeProject();
    const server = await startPreviewServer({ config, port: 0, logLevel: 'silent' });
    try {
      const answer = await fetch(`${server.url}__txkit/sandbox/outbox`);
      expect(answer.status).toBe(404);
      expect(((await answer.json()) as { error: string }).error).toContain('txkit dev --sandbox');
    } finally {
      await server.close();
    }
  });
});
