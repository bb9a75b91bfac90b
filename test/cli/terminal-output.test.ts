import { execFileSync } from 'node:child_process';
import { lstat, mkdir, readFile, realpath, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const makeDir = useTempDirs();
const ESC = '\u001b';

describe('terminal output shows control characters from the workspace instead of obeying them', () => {
  it('list and validate escape an escape sequence in a folder name and in a diagnostic quoting a value', async () => {
    // OSC 0 retitles the terminal window; ESC[2J clears the screen.
    const evil = `evil${ESC}]0;pwned\u0007${ESC}[2J`;
    const project = await makeDir({
      [`templates/${evil}/message.yaml`]: 'name: Evil\nsms:\n  to: "+14155552671"\n  body: sms.txt\n',
      [`templates/${evil}/sms.txt`]: 'Hi',
      // A sample value quoted by a diagnostic (attributes/format).
      'templates/m/message.yaml':
        'name: M\nsms:\n  to: "{{ customer.phone }}"\n  body: sms.txt\nattributes:\n  customer:\n    phone: { type: string, required: true, format: e164 }\n',
      'templates/m/sms.txt': 'Hi',
      'templates/m/samples/standard.json': JSON.stringify({ customer: { phone: `+1${ESC}[2J555` } }),
    });
    const list = await runCli(['list'], { cwd: project.root, env: { NO_COLOR: '1' } });
    const validate = await runCli(['validate'], { cwd: project.root, env: { NO_COLOR: '1' } });
    for (const result of [list, validate]) {
      expect(result.stdout + result.stderr).not.toContain(ESC);
      expect(result.stdout + result.stderr).not.toContain('\u0007');
    }
    expect(list.stdout).toContain('evil\\x1b]0;pwned\\x07\\x1b[2J');
    expect(validate.stdout).toContain('"+1\\x1b[2J555" is not a phone number');
  });
});

describe('txkit hooks install', () => {
  it('refuses to write through a pre-commit hook that is a symbolic link out of the repository', async () => {
    const repo = await realpath((await makeDir({ 'templates/.keep': '' })).root);
    const outside = await makeDir({ 'victim.sh': '#!/bin/sh\necho untouched\n' });
    execFileSync('git', ['init', '-q'], { cwd: repo });
    await mkdir(path.join(repo, '.git', 'hooks'), { recursive: true });
    await symlink(outside.path('victim.sh'), path.join(repo, '.git', 'hooks', 'pre-commit'));
    const result = await runCli(['hooks', 'install', '--force'], { cwd: repo, env: { NO_COLOR: '1' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is a symbolic link to');
    expect(result.stderr).toContain('outside the hooks folder');
    await expect(readFile(outside.path('victim.sh'), 'utf8')).resolves.toBe('#!/bin/sh\necho untouched\n');
    expect((await lstat(path.join(repo, '.git', 'hooks', 'pre-commit'))).isSymbolicLink()).toBe(true);
  });
});
