import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir.js';
import { runBin, runCli } from '../helpers/run-cli.js';

// Runs the CLI in-process with piped output (test/helpers/run-cli.ts); the first test runs the real bin.
const makeProject = useTempDirs();
// eslint-disable-next-line no-control-regex -- the escape character starts every colour code
const ansi = /\u001b\[/;
const stackFrame = /^\s+at .+:\d+:\d+\)?$/m;

const smsMessage = {
  'message.yaml': 'name: Hello\nsms:\n  to: "+14155552671"\n',
  'sms.txt': 'Hello {{ customer.first_name }}',
  'samples/standard.json': '{"customer": {"first_name": "Grace"}}',
};

function inWorkspace(folder: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([name, content]) => [`${folder}/${name}`, content]));
}

/** Command names from the "Commands:" section of `txkit --help` (continuation lines are indented deeper). */
function commandsIn(help: string): string[] {
  const section = help.split('\nCommands:\n')[1] ?? '';
  return [...section.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((match) => match[1]!).filter((name) => name !== 'help');
}

describe('txkit: help, version and usage errors', () => {
  it('--help prints usage with every command and exits 0 (the installed bin, as a process)', async () => {
    const result = await runBin(['--help']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Usage: txkit /);
    expect(commandsIn(result.stdout)).toEqual(expect.arrayContaining(['list', 'render']));
  });

  it('<command> --help exits 0 for every command, and shows the global --workspace option', async () => {
    const commands = commandsIn((await runCli(['--help'])).stdout);
    const helps = await Promise.all(commands.map((command) => runCli([command, '--help'])));
    helps.forEach((help, index) => {
      expect(help.code, `${commands[index]} --help: ${help.stderr}`).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: txkit ${commands[index]}\\b`));
      expect(help.stdout).toContain('--workspace <dir>');
    });
  });

  it('help <command> exits 0', async () => {
    const result = await runCli(['help', 'render']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Usage: txkit render /);
  });

  it('prints the version from package.json', async () => {
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default;
    const result = await runCli(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('exits 2 on an unknown command, naming it', async () => {
    const result = await runCli(['lst']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'lst'");
    expect(result.stdout).toBe('');
  });

  it('exits 2 on an unknown option', async () => {
    const result = await runCli(['list', '--jsn']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--jsn'");
  });

  it('exits 2 on a missing argument and on an invalid choice', async () => {
    expect((await runCli(['render'])).code).toBe(2);
    const result = await runCli(['render', 'order-confirmation', '--channel', 'fax']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('fax');
  });

  it('exits 2 when the workspace folder does not exist, without a stack trace', async () => {
    const project = await makeProject({});
    const result = await runCli(['list'], { cwd: project.root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`no workspace at ${project.path('templates')}`);
    expect(result.stderr).not.toMatch(stackFrame);
  });
});

describe('txkit: --workspace before or after the command', () => {
  it.each([[['-w', 'messages', 'list']], [['list', '-w', 'messages']], [['--workspace=messages', 'list']], [['list', '--workspace', 'messages']]])(
    '%j reads the given folder',
    async (args) => {
      const project = await makeProject(inWorkspace('messages/hello', smsMessage));
      const result = await runCli(args, { cwd: project.root });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^hello\s+sms\s+en\s+liquid\s+standard$/m);
    },
  );

  it.each([[['-w', 'messages', 'render', 'hello']], [['render', 'hello', '-w', 'messages']], [['render', '-w', 'messages', 'hello']]])(
    '%j renders from the given folder',
    async (args) => {
      const project = await makeProject(inWorkspace('messages/hello', smsMessage));
      const result = await runCli(args, { cwd: project.root });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout.split('\n')[0]).toBe('Hello Grace');
    },
  );

  it('takes the workspace from txkit.config.yaml when no option is given', async () => {
    const project = await makeProject({ 'txkit.config.yaml': 'workspace: messages\n', ...inWorkspace('messages/hello', smsMessage) });
    const result = await runCli(['list'], { cwd: project.root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^hello\b/m);
  });
});

describe('txkit: colours', () => {
  it.each([
    ['NO_COLOR=1', { NO_COLOR: '1', FORCE_COLOR: undefined }],
    ['piped output', { NO_COLOR: undefined, FORCE_COLOR: undefined }],
  ])('%s: no ANSI escapes, on success or on problems', async (_case, env) => {
    const project = await makeProject({
      ...inWorkspace('templates/hello', smsMessage),
      ...inWorkspace('templates/broken', { 'message.yaml': 'name: Broken\nsms:\n  to: "+14155552671"\n  bdy: x\n' }),
    });
    const [list, unknown, render] = await Promise.all([['list'], ['lst'], ['render', 'hello']].map((args) => runCli(args, { cwd: project.root, env })));
    expect(list!.code).toBe(1);
    expect(list!.stderr).toContain('unknown key');
    expect(render!.stdout).toContain('Hello Grace');
    for (const output of [list!.stdout, list!.stderr, unknown!.stderr, render!.stdout, render!.stderr]) expect(output).not.toMatch(ansi);
  });
});
