import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/terminal.js';
import { runCli, txkitBin } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';

// main() runs with the folder, environment and streams it is given, so tests (and other tools) can
// run many txkit commands in one process without one run seeing, or leaving behind, another's state.
const makeProject = useTempDirs();
// eslint-disable-next-line no-control-regex -- the escape character starts every colour code
const ansi = /\u001b\[/;

function smsProject(id: string): Record<string, string> {
  return {
    [`templates/${id}/message.yaml`]: `name: ${id}\nsms:\n  to: "+14155552671"\n`,
    [`templates/${id}/sms.txt`]: 'Hello {{ customer.first_name }}',
    [`templates/${id}/samples/standard.json`]: '{"customer": {"first_name": "Grace"}}',
  };
}

/** Output that says it is a terminal (as a TTY stdout does), keeping what is written. */
function terminal(): { stream: Writable & { isTTY: boolean; columns: number }; text: () => string } {
  let text = '';
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString('utf8');
        done();
      },
    }),
    { isTTY: true, columns: 100 },
  );
  return { stream, text: () => text };
}

function io(cwd: string, env: NodeJS.ProcessEnv, stdout: CliIo['stdout'], stderr: CliIo['stderr'] = terminal().stream): CliIo {
  return { cwd, env, stdin: Readable.from([]), stdout, stderr };
}

describe('txkit in-process', () => {
  it('returns the exit code and leaves process.exitCode, the working folder and the environment alone', async () => {
    const empty = await makeProject({});
    const before = { exitCode: process.exitCode, cwd: process.cwd(), env: { ...process.env } };
    const out = terminal();
    const code = await main(['node', 'txkit', 'list'], io(empty.root, { NO_COLOR: '1' }, out.stream));
    expect(code).toBe(2); // no workspace in that folder: a usage error
    expect(process.exitCode).toBe(before.exitCode);
    expect(process.cwd()).toBe(before.cwd);
    expect(process.env).toEqual(before.env);
  });

  it('two runs at once each read their own folder and write to their own streams', async () => {
    const [first, second] = await Promise.all([makeProject(smsProject('first-message')), makeProject(smsProject('second-message'))]);
    const [a, b] = await Promise.all([runCli(['list'], { cwd: first.root }), runCli(['list'], { cwd: second.root })]);
    expect(a).toMatchObject({ code: 0, stderr: '' });
    expect(b).toMatchObject({ code: 0, stderr: '' });
    expect(a.stdout).toMatch(/^first-message\s+sms\b/m);
    expect(a.stdout).not.toContain('second-message');
    expect(b.stdout).toMatch(/^second-message\s+sms\b/m);
    expect(b.stdout).not.toContain('first-message');
  });

  it('colours follow each run: a terminal gets them, the same terminal with NO_COLOR (https://no-color.org) does not', async () => {
    const project = await makeProject(smsProject('hello'));
    const coloured = terminal();
    const plain = terminal();
    const codes = await Promise.all([
      main(['node', 'txkit', 'list'], io(project.root, { TERM: 'xterm-256color' }, coloured.stream)),
      main(['node', 'txkit', 'list'], io(project.root, { TERM: 'xterm-256color', NO_COLOR: '1' }, plain.stream)),
    ]);
    expect(codes).toEqual([0, 0]);
    expect(coloured.text()).toMatch(ansi);
    expect(plain.text()).not.toMatch(ansi);
    expect(plain.text()).toMatch(/^hello\s+sms\b/m);
  });
});

describe('txkit --help starts small', () => {
  // The modules a process loads, reported by a loader hook (test/fixtures/cli/report-loaded-modules.mjs).
  const reporter = fileURLToPath(new URL('../fixtures/cli/report-loaded-modules.mjs', import.meta.url));

  function loadedModules(args: readonly string[]): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', reporter, txkitBin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', () => {
        const line = stderr.split('\n').find((text) => text.startsWith('LOADED-MODULES '));
        if (line) resolve(JSON.parse(line.slice('LOADED-MODULES '.length)) as string[]);
        else reject(new Error(`no module report: ${stderr}`));
      });
    });
  }

  it('loads no command module, template engine, schema library, YAML parser, MJML or Vite', async () => {
    const urls = await loadedModules(['--help']);
    // bin/txkit.js runs the bundle (dist/cli-bundle) when `npm run build` made it after dist/cli, else dist/cli itself.
    expect(urls.some((url) => /\/dist\/cli(-bundle)?\/main\.js$/.test(url))).toBe(true); // the report sees txkit's own modules
    const heavy = urls.filter((url) =>
      // In the bundle, a module loaded lazily is a file named after it (validate-XXXX.js); shared code is in chunk-XXXX.js.
      /\/node_modules\/(zod|yaml|liquidjs|handlebars|mjml[^/]*|vite|htmlparser2|libphonenumber-js)\/|\/dist\/cli\/commands\/(?!index\.js)|\/dist\/cli-bundle\/(?!main\.js|chunk-)/.test(
        url,
      ),
    );
    expect(heavy).toEqual([]);
    // yaml is bundled into a chunk: none of the chunks loaded may hold its parser.
    const chunks = urls.filter((url) => url.includes('/dist/cli-bundle/chunk-')).map((url) => readFileSync(fileURLToPath(url), 'utf8'));
    expect(chunks.filter((code) => code.includes('YAMLParseError'))).toEqual([]);
  });
});
