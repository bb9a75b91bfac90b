import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SandboxOptions } from '../../src/sandbox/index.js';
import { spawnDev } from '../helpers/dev-process.js';
import { useSandboxes } from '../helpers/sandboxes.js';
import { appKey, get, outbox, postSend, sfmcToken } from '../helpers/app-requests.js';
import { orderSeed, useOutboxProjects, type OutboxProject } from './outbox-workspace.js';

describe('sandbox outbox: kept in a file across restarts', () => {
  const start = useSandboxes();
  const makeProject = useOutboxProjects();

  const fileOf = ({ project }: OutboxProject) => project.path('.txkit/sandbox-outbox.json');

  async function startFor(project: OutboxProject, outboxOptions: SandboxOptions['outbox'] = {}) {
    const sandbox = await start({
      workspace: { config: project.config, profileSample: 'standard' },
      sendProcessingMs: 0,
      outbox: { file: fileOf(project), ...outboxOptions },
    });
    sandbox.seed(orderSeed); // the platforms' own state is in memory: seeded again, as `txkit sandbox` does
    return sandbox;
  }

  it('lists the sends of the previous run, whose status routes still answer and whose messageKeys stay taken', async () => {
    const project = await makeProject();
    const first = await startFor(project);
    const token = await sfmcToken(first.url);
    await postSend(first.url, {
      platform: 'sfmc',
      channel: 'email',
      token: token,
      messageKey: 'key-1',
      definitionKey: 'order',
      to: 'ada@example.com',
      attributes: { order_id: 'P-1' },
    });
    const delivery = await postSend(first.url, { platform: 'customerio', channel: 'sms', messageId: 8, data: { order_id: 'P-2' } });
    const before = await outbox(first.url);
    await first.close();

    const second = await startFor(project);
    expect(await outbox(second.url)).toEqual(before);
    const token2 = await sfmcToken(second.url);
    expect((await get(second.url, '/messaging/v1/email/messages/key-1', token2)).body.eventCategoryType).toBe('TransactionalSendEvents.EmailSent');
    expect((await get(second.url, `/v1/messages/${delivery.body.delivery_id}`, appKey)).body.message.metrics).toEqual({ sent: expect.any(Number) });
    // A messageKey is unique over 72 hours (shared/docs/platform-api.md: 109110 DuplicateMessageKey), restart or not.
    const again = await postSend(second.url, {
      platform: 'sfmc',
      channel: 'email',
      token: token2,
      messageKey: 'key-1',
      definitionKey: 'order',
      to: 'ada@example.com',
      attributes: { order_id: 'P-1' },
    });
    expect(again.body.errorcode).toBe(109110);
    // Written by renaming a finished temporary file: none is left behind.
    expect(await readdir(path.dirname(fileOf(project)))).toEqual(['sandbox-outbox.json']);
  });

  it('starts empty with reset, deleting the file', async () => {
    const project = await makeProject();
    const first = await startFor(project);
    await postSend(first.url, { platform: 'customerio', channel: 'sms', messageId: 8, data: { order_id: 'R-1' } });
    await first.close();

    const reset = await startFor(project, { reset: true });
    expect(await outbox(reset.url)).toEqual([]);
    await expect(readFile(fileOf(project))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('warns about a corrupt file, starts empty, and replaces it at the next send', async () => {
    const project = await makeProject();
    await mkdir(path.dirname(fileOf(project)), { recursive: true });
    await writeFile(fileOf(project), '{"format": "txkit-sandbox-outbox@1", "entries": [{"id": tru');
    const warnings: string[] = [];
    const sandbox = await startFor(project, { onWarning: (message) => warnings.push(message) });
    expect(warnings).toEqual([expect.stringContaining(fileOf(project))]);
    expect(await outbox(sandbox.url)).toEqual([]);

    await postSend(sandbox.url, { platform: 'customerio', channel: 'sms', messageId: 8, data: { order_id: 'C-1' } });
    await sandbox.outbox.flush();
    const saved = JSON.parse(await readFile(fileOf(project), 'utf8'));
    expect(saved.entries.map((entry: { sms: { text: string } }) => entry.sms.text)).toEqual(['Order C-1 shipped.']);
  });

  it('txkit sandbox keeps the outbox in .txkit/ of the project, and --reset clears it', async () => {
    const project = await makeProject();
    const run = async (args: string[]) => {
      const sandbox = spawnDev(['--port', '0', ...args], { cwd: project.project.root, command: 'sandbox' });
      const [, url] = await sandbox.waitFor(/emulator on (http:\/\/127\.0\.0\.1:\d+\/)/);
      return { url: url!, process: sandbox };
    };
    const stop = async ({ process }: { process: ReturnType<typeof spawnDev> }) => {
      process.child.kill('SIGINT');
      expect((await process.exited).code).toBe(0);
    };

    const first = await run([]);
    // Seeded from the workspace: transactional message 8 exists as the project expects.
    const sent = await postSend(first.url, { platform: 'customerio', channel: 'sms', messageId: 8, to: '+14155552671', data: { order_id: 'CLI-1' } });
    expect(sent.status).toBe(200);
    await stop(first);
    expect(JSON.parse(await readFile(fileOf(project), 'utf8')).entries).toHaveLength(1);

    const second = await run([]);
    expect(second.process.output()).toContain('1 kept in .txkit/sandbox-outbox.json');
    expect((await outbox(second.url)).map((entry) => entry.sms?.text)).toEqual(['Order CLI-1 shipped.']);
    await stop(second);

    const reset = await run(['--reset']);
    expect(await outbox(reset.url)).toEqual([]);
    await stop(reset);
  });
});
