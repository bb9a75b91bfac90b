import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { useSandboxes } from '../helpers/sandboxes.js';
import { copyExamples, editFile, removeProjects, sandboxEnv } from './sfmc-fixtures.js';

const ESC = '\u001b';

describe('diff and push print names from the workspace with their control characters escaped', () => {
  const startSandbox = useSandboxes();
  afterEach(removeProjects);

  it('an asset customerKey holding ESC[31m (red) is shown as \\x1b[31m, not obeyed', async () => {
    const root = await copyExamples();
    // YAML's "\e" is ESC (YAML 1.2, 5.7 Escaped Characters): the key then carries the colour sequence itself.
    await editFile(path.join(root, 'templates/password-reset/message.yaml'), (text) =>
      text.replace('customerKey: txkit-password-reset', 'customerKey: "txkit-password-reset\\e[31m"'),
    );
    const sandbox = await startSandbox();
    const env = { ...sandboxEnv(sandbox), NO_COLOR: '1', FORCE_COLOR: undefined };

    const diff = await runCli(['diff', '--target', 'sfmc'], { cwd: root, env });
    expect(diff.stderr).toBe('');
    expect(diff.stdout).toContain('+ sfmc asset txkit-password-reset\\x1b[31m (create)');
    const push = await runCli(['push', '--target', 'sfmc', '--yes'], { cwd: root, env });
    expect(push.stdout).toContain('sfmc asset txkit-password-reset\\x1b[31m');
    for (const result of [diff, push]) expect(result.stdout + result.stderr).not.toContain(ESC);
  });
});
