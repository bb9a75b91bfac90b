import { writeFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import buildCli from '../helpers/build-cli.js';
import { spawnDev } from '../helpers/dev-process.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { greetingYaml } from '../helpers/temp-workspace.js';

const makeTempDir = useTempDirs();

const message = greetingYaml({ liquid: true, emailBody: 'email.mjml' });
const body = (greeting: string) =>
  `<mjml><mj-body><mj-section><mj-column><mj-text>${greeting} {{ customer.first_name }}</mj-text></mj-column></mj-section></mj-body></mjml>\n`;

/** The environment of a terminal-less run with no display: no colours asked for or against. */
function plainEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['DISPLAY', 'WAYLAND_DISPLAY', 'NO_COLOR', 'FORCE_COLOR']) delete env[name];
  // CI is set, as on a CI runner: Vite colours its lines then unless told otherwise, and a pipe still takes none.
  env.CI = 'true';
  return env;
}

it('logs each re-render after a save (message, file, ms) and each error, without colours off a TTY (issue 18 item 7)', { timeout: 120_000 }, async () => {
  await buildCli();
  const project = await makeTempDir({
    'templates/welcome/message.yaml': message,
    'templates/welcome/email.mjml': body('Hi'),
    'templates/welcome/samples/basic.json': '{"customer":{"first_name":"Ada"}}\n',
  });
  const dev = spawnDev(['templates', '--port', '0'], { cwd: project.root, env: plainEnv() });
  try {
    await dev.waitFor(/Ctrl\+C/);
    await writeFile(project.path('templates/welcome/email.mjml'), body('Hello'));
    const [line] = await dev.waitFor(/^.*\[txkit\] re-rendered welcome \(welcome\/email\.mjml\) \d+ ms$/m);
    // Vite's HMR log shape: a wall-clock time first.
    expect(line).toMatch(/^\d{1,2}:\d{2}:\d{2}/);

    // An unclosed Liquid tag: the error is logged with its file and line.
    await writeFile(project.path('templates/welcome/email.mjml'), body('{% if customer.first_name %}Hello'));
    await dev.waitFor(/\[txkit\] error welcome\/email\.mjml:1:\d+ .+/);

    // stdout is a pipe here: no escape sequences at all (NO_COLOR unset, so this is the TTY check).
    // eslint-disable-next-line no-control-regex
    expect(dev.output()).not.toMatch(/\u001b\[/);
  } finally {
    dev.child.kill('SIGINT');
  }
  expect(await dev.exited, dev.output()).toEqual({ code: 0, signal: null });
});

it('says in one line that --open cannot open a browser without a display (issue 18 item 7)', { timeout: 120_000 }, async () => {
  await buildCli();
  const project = await makeTempDir({ 'templates/welcome/message.yaml': message, 'templates/welcome/email.mjml': body('Hi') });
  const dev = spawnDev(['templates', '--port', '0', '--open'], { cwd: project.root, env: plainEnv() });
  try {
    await dev.waitFor(/Ctrl\+C/);
    const url = /Local:\s+(http:\S+)/.exec(dev.output())![1]!;
    expect(dev.output().match(/^.*--open.*$/gm)).toEqual([`  --open: no display to open a browser on; open ${url} yourself`]);
  } finally {
    dev.child.kill('SIGINT');
  }
  expect(await dev.exited, dev.output()).toEqual({ code: 0, signal: null });
});
