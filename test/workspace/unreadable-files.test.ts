import { describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../src/sync/secrets.js';
import { loadConfig, loadWorkspace } from '../../src/workspace/index.js';
import { useTempDirs } from '../helpers/temp-dir.js';

/**
 * What txkit cannot read is reported, never silently left out (issue 21, item 11). Tests may run
 * as root, which ignores permission bits, so the unreadable folders here are symbolic-link
 * loops: the kernel refuses them (ELOOP) whoever asks.
 */

const makeProject = useTempDirs();
const message = 'name: X\nsms:\n  to: "+14155552671"\n  body: sms.txt\n';

async function load(files: Parameters<typeof makeProject>[0]) {
  const project = await makeProject(files);
  const { config } = await loadConfig(project.root);
  return { project, workspace: await loadWorkspace(config) };
}

describe('folders and files txkit cannot read', () => {
  it('a samples folder that cannot be listed is a workspace/read diagnostic, not a message without samples', async () => {
    const { project, workspace } = await load({
      'templates/x/message.yaml': message,
      'templates/x/sms.txt': 'Hi',
      'templates/x/samples': { symlinkTo: 'samples' },
    });
    expect(workspace.messages[0]?.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'workspace/read', file: project.path('templates/x/samples'), message: 'cannot read the samples folder (ELOOP)' }),
    ]);
  });

  it('a message folder whose message.yaml cannot be read is listed as broken, with the reason', async () => {
    const { project, workspace } = await load({ 'templates/x/message.yaml': { symlinkTo: 'message.yaml' } });
    expect(workspace.broken.map((broken) => broken.id)).toEqual(['x']);
    expect(workspace.broken[0]?.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'workspace/read',
        file: project.path('templates/x/message.yaml'),
        message: 'cannot read file: a loop of symbolic links',
      }),
    ]);
  });
});

describe('.env', () => {
  it('keeps its first variable when the file starts with a UTF-8 byte-order mark', async () => {
    const project = await makeProject({ '.env': '\uFEFFCUSTOMERIO_APP_API_KEY=first\nSFMC_CLIENT_ID=second\n' });
    const env = loadEnvironment(project.root, {});
    expect(env.CUSTOMERIO_APP_API_KEY).toBe('first');
    expect(env.SFMC_CLIENT_ID).toBe('second');
  });
});
