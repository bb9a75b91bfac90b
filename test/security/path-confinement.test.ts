import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { MjmlCache } from '../../src/email/mjml-cache.js';
import { renderEmail } from '../../src/email/render-email.js';
import { renderSms } from '../../src/sms/render-sms.js';
import { createEngines } from '../../src/render/index.js';
import { validate } from '../../src/validate/validate.js';
import { loadConfig, loadWorkspace } from '../../src/workspace/index.js';
import buildCli from '../helpers/build-cli.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * Nothing outside the workspace is ever read: not by mj-include (relative, absolute, through a
 * symlinked file or folder, from a partial), not by the template paths of message.yaml, not by
 * samples, not by Liquid or Handlebars partial tags. Each attempt aims at a file outside that
 * holds a unique marker; the marker must appear in no output and no diagnostic, and the
 * attempt must be reported.
 */

const examples = fileURLToPath(new URL('../../templates', import.meta.url));
const marker = `OUTSIDE-${randomUUID()}`;

let root: string;
let workspace: string;
let outside: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'txkit-confinement-'));
  workspace = path.join(root, 'project', 'templates');
  outside = path.join(root, 'outside');
  await cp(examples, workspace, { recursive: true });
  await mkdir(outside, { recursive: true });
  const section = `<mj-section><mj-column><mj-text>${marker}</mj-text></mj-column></mj-section>`;
  await writeFile(path.join(outside, 'partial.mjml'), section);
  await writeFile(path.join(outside, 'full.mjml'), `<mjml><mj-body>${section}</mj-body></mjml>`);
  await writeFile(path.join(outside, 'snippet.html'), `<p>${marker}</p>`);
  await writeFile(path.join(outside, 'style.css'), `.x { content: "${marker}"; }`);
  await writeFile(path.join(outside, 'body.txt'), marker);
  await writeFile(path.join(outside, 'sample.json'), JSON.stringify({ customer: { first_name: marker, phone: '+14155552671' }, trigger: {} }));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const inWorkspace = (relative: string) => path.join(workspace, ...relative.split('/'));

async function edit(relative: string, change: (text: string) => string): Promise<void> {
  const file = inWorkspace(relative);
  const text = await readFile(file, 'utf8');
  const changed = change(text);
  expect(changed, `the edit of ${relative} changed nothing`).not.toBe(text);
  await writeFile(file, changed);
}

interface Outcome {
  /** Everything txkit produced: rendered email HTML/text, SMS text, every diagnostic. */
  output: string;
  diagnostics: Diagnostic[];
  messageIds: string[];
}

/** Loads, renders every sample of every message, and validates, as the CLI and the preview do. */
async function runEverything(): Promise<Outcome> {
  const { config, diagnostics: configDiagnostics } = await loadConfig(path.dirname(workspace));
  const loaded = await loadWorkspace(config);
  const engines = createEngines();
  const cache = new MjmlCache();
  const diagnostics: Diagnostic[] = [...configDiagnostics, ...loaded.broken.flatMap((message) => message.diagnostics)];
  const texts: string[] = [];
  for (const message of loaded.messages) {
    diagnostics.push(...message.diagnostics);
    for (const sample of message.samples.length > 0 ? message.samples : [undefined]) {
      const email = await renderEmail(message, sample, { engines, cache });
      const sms = renderSms(message, sample, { engines });
      if (email) texts.push(email.html, email.text, email.subject, email.preheader);
      if (sms) texts.push(sms.text);
      diagnostics.push(...(email?.diagnostics ?? []), ...(sms?.diagnostics ?? []));
    }
  }
  diagnostics.push(...(await validate({ config, configDiagnostics, workspace: loaded, engines })));
  return { output: [...texts, JSON.stringify(diagnostics)].join('\n'), diagnostics, messageIds: loaded.messages.map((message) => message.id) };
}

function expectRefused(outcome: Outcome, file: string, ruleId = 'workspace/path'): void {
  expect(outcome.output).not.toContain(marker);
  expect(outcome.diagnostics.filter((diagnostic) => diagnostic.ruleId === ruleId && diagnostic.file === inWorkspace(file))).not.toEqual([]);
}

const headerInclude = '<mj-include path="../_partials/header.mjml" />';

describe('control: the same files inside the workspace are read', () => {
  it('an include and a sample holding the marker show it, so its absence below means something', async () => {
    await cp(path.join(outside, 'partial.mjml'), inWorkspace('_partials/inside.mjml'));
    await cp(path.join(outside, 'sample.json'), inWorkspace('shipping-update/samples/inside.json'));
    await edit('order-confirmation/email.mjml', (mjml) => mjml.replace(headerInclude, '<mj-include path="../_partials/inside.mjml" />'));
    const outcome = await runEverything();
    expect(outcome.output.split(marker).length - 1).toBeGreaterThanOrEqual(2);
  });
});

describe('mj-include cannot leave the workspace', () => {
  it('refuses ../ that climbs out of it', async () => {
    await edit('order-confirmation/email.mjml', (mjml) => mjml.replace(headerInclude, '<mj-include path="../../../outside/partial.mjml" />'));
    expectRefused(await runEverything(), 'order-confirmation/email.mjml');
  });

  it('refuses an absolute path, for MJML, HTML and CSS includes', async () => {
    await edit('order-confirmation/email.mjml', (mjml) =>
      mjml.replace(
        headerInclude,
        `<mj-include path="${path.join(outside, 'partial.mjml')}" /><mj-include path="${path.join(outside, 'snippet.html')}" type="html" /><mj-include path="${path.join(outside, 'style.css')}" type="css" />`,
      ),
    );
    expectRefused(await runEverything(), 'order-confirmation/email.mjml');
  });

  it('refuses a symlink inside the workspace that points outside', async () => {
    await symlink(path.join(outside, 'partial.mjml'), inWorkspace('_partials/linked.mjml'));
    await edit('order-confirmation/email.mjml', (mjml) => mjml.replace(headerInclude, '<mj-include path="../_partials/linked.mjml" />'));
    expectRefused(await runEverything(), 'order-confirmation/email.mjml');
  });

  it('refuses a path through a symlinked folder', async () => {
    await symlink(outside, inWorkspace('_partials/elsewhere'));
    await edit('order-confirmation/email.mjml', (mjml) => mjml.replace(headerInclude, '<mj-include path="../_partials/elsewhere/full.mjml" />'));
    expectRefused(await runEverything(), 'order-confirmation/email.mjml');
  });

  it('refuses an escape from inside a partial', async () => {
    await writeFile(inWorkspace('_partials/header.mjml'), '<mj-include path="../../outside/partial.mjml" />');
    expectRefused(await runEverything(), '_partials/header.mjml');
  });
});

describe('message.yaml template paths cannot leave the workspace', () => {
  it('refuses ../, absolute and symlinked email bodies, text versions and SMS bodies', async () => {
    await symlink(path.join(outside, 'body.txt'), inWorkspace('order-confirmation/linked.txt'));
    await edit('order-confirmation/message.yaml', (yaml) =>
      yaml
        .replace('body: email.mjml', 'body: ../../../outside/full.mjml\n  text: linked.txt')
        .replace('body: sms.txt', `body: ${path.join(outside, 'body.txt')}`),
    );
    await edit('appointment-reminder/message.yaml', (yaml) => yaml.replace('text: email.txt', 'text: ../../../outside/body.txt'));
    const outcome = await runEverything();
    expectRefused(outcome, 'order-confirmation/message.yaml');
    expectRefused(outcome, 'appointment-reminder/message.yaml');
    const refused = outcome.diagnostics.filter(
      (diagnostic) => diagnostic.ruleId === 'workspace/path' && diagnostic.file === inWorkspace('order-confirmation/message.yaml'),
    );
    // The email body, its text version and the SMS body: each refused on its own.
    expect(new Set(refused.map((diagnostic) => diagnostic.line)).size).toBeGreaterThanOrEqual(3);
  });
});

describe('samples cannot leave the workspace', () => {
  it('refuses a sample that is a symlink to a file outside', async () => {
    await symlink(path.join(outside, 'sample.json'), inWorkspace('shipping-update/samples/linked.json'));
    expectRefused(await runEverything(), 'shipping-update/samples/linked.json');
  });

  it('refuses samples in a samples folder that is a symlink to a folder outside', async () => {
    await rm(inWorkspace('shipping-update/samples'), { recursive: true });
    await symlink(outside, inWorkspace('shipping-update/samples'));
    expectRefused(await runEverything(), 'shipping-update/samples/sample.json');
  });

  it('does not load a message folder that is a symlink to a folder outside', async () => {
    const elsewhere = path.join(outside, 'evil-message');
    await mkdir(path.join(elsewhere, 'samples'), { recursive: true });
    await writeFile(path.join(elsewhere, 'message.yaml'), 'name: Evil\nsms:\n  to: "+14155552671"\n');
    await writeFile(path.join(elsewhere, 'sms.txt'), marker);
    await symlink(elsewhere, inWorkspace('evil-message'));
    const outcome = await runEverything();
    expect(outcome.output).not.toContain(marker);
    expect(outcome.messageIds).not.toContain('evil-message');
  });
});

describe('template partial tags read no files', () => {
  it('Liquid {% include %} and {% render %} of outside paths render nothing from them', async () => {
    await edit('shipping-update/sms.txt', (sms) => `{% include "${path.join(outside, 'body.txt')}" %}{% render "../../../outside/body.txt" %}${sms}`);
    const outcome = await runEverything();
    expect(outcome.output).not.toContain(marker);
    expect(outcome.diagnostics.some((diagnostic) => diagnostic.file === inWorkspace('shipping-update/sms.txt') && diagnostic.severity === 'error')).toBe(true);
  });

  it('Handlebars partials {{> path}} render nothing from outside files', async () => {
    await edit('password-reset/email.mjml', (mjml) => mjml.replace('Hello,', `{{> ../../../outside/body}}{{> "${path.join(outside, 'body.txt')}"}}`));
    const outcome = await runEverything();
    expect(outcome.output).not.toContain(marker);
    expect(outcome.diagnostics.some((diagnostic) => diagnostic.file === inWorkspace('password-reset/email.mjml') && diagnostic.severity === 'error')).toBe(
      true,
    );
  });
});

/**
 * The same boundary, held by the real CLI process (issue 21, items 1 and 6): the files of the
 * project that hold credentials are planted with a unique secret, and every hostile link or
 * path is refused with a named diagnostic while the secret appears nowhere in the output.
 */
// Each case spawns the CLI a few times; on a loaded machine one run takes seconds.
describe('the CLI reads no file outside the workspace and no secrets file', { timeout: 180_000 }, () => {
  const secret = `S3CRET-${randomUUID()}`;
  const project = () => path.dirname(workspace);
  const cli = (...args: string[]) => runCli(args, { cwd: project(), env: { NO_COLOR: '1' } });

  beforeEach(async () => {
    await buildCli();
    await writeFile(path.join(project(), '.env'), `SFMC_CLIENT_SECRET=${secret}\n`);
  });

  it('a message.yaml symlinked to ../../.env is refused as a link out, and the secret is not printed', async () => {
    await mkdir(inWorkspace('evil'));
    await symlink('../../.env', inWorkspace('evil/message.yaml'));
    for (const args of [['validate'], ['list'], ['render', 'evil']]) {
      const result = await cli(...args);
      expect(result.stdout + result.stderr, args.join(' ')).not.toContain(secret);
      expect(result.code, args.join(' ')).toBe(1);
    }
    const json = JSON.parse((await cli('validate', '--format', 'json')).stdout) as { filePath: string; messages: Diagnostic[] }[];
    const evil = json.find((result) => result.filePath === inWorkspace('evil/message.yaml'));
    expect(evil?.messages.map((diagnostic) => [diagnostic.ruleId, diagnostic.message])).toEqual([
      ['workspace/path', 'the file is a link to a place outside the workspace'],
    ]);
  });

  it('with the workspace being the project folder itself, .env and txkit.config.yaml are never read as content', async () => {
    await writeFile(path.join(project(), 'txkit.config.yaml'), `workspace: .\n# token: ${secret}\n`);
    await mkdir(path.join(project(), 'leak', 'samples'), { recursive: true });
    await writeFile(
      path.join(project(), 'leak', 'message.yaml'),
      'name: Leak\nemail:\n  subject: Hi\n  from: a@example.com\n  body: email.mjml\n  text: ../.env\nsms:\n  to: "+14155552671"\n  body: ../txkit.config.yaml\n',
    );
    await writeFile(path.join(project(), 'leak', 'email.mjml'), '<mjml><mj-body><mj-include path="../.env" type="html" /></mj-body></mjml>');
    await symlink('../../.env', path.join(project(), 'leak', 'samples', 'standard.json'));
    const validate = await runCli(['validate', '--format', 'json'], { cwd: project() });
    const render = await runCli(['render', 'leak', '--text'], { cwd: project() });
    const build = await runCli(['build', '--out', 'build'], { cwd: project() });
    for (const result of [validate, render, build]) expect(result.stdout + result.stderr).not.toContain(secret);
    const refusals = (JSON.parse(validate.stdout) as { filePath: string; messages: Diagnostic[] }[]).flatMap((result) =>
      result.messages
        .filter((diagnostic) => diagnostic.ruleId === 'workspace/path')
        .map((diagnostic) => `${path.basename(result.filePath)}: ${diagnostic.message}`),
    );
    // Each secrets file named as content is refused where it is named.
    expect(refusals).toEqual(
      expect.arrayContaining([
        'email.mjml: mj-include: "../.env": .env holds credentials and is never read as content',
        'message.yaml: email.text: "../.env": .env holds credentials and is never read as content',
        'message.yaml: sms.body: "../txkit.config.yaml": txkit.config.yaml holds credentials and is never read as content',
        'standard.json: .env holds credentials and is never read as content',
      ]),
    );
    await expect(
      readdir(path.join(project(), 'build', 'leak'), { recursive: true })
        .then((files) => Promise.all(files.map((file) => readFile(path.join(project(), 'build', 'leak', file)).catch(() => ''))))
        .then((contents) => contents.join('')),
    ).resolves.not.toContain(secret);
  });

  it('a message.yaml linked to /dev/zero and a FIFO in samples/ are refused as not regular files, without reading them', async () => {
    await mkdir(inWorkspace('zero'));
    await symlink('/dev/zero', inWorkspace('zero/message.yaml'));
    execFileSync('mkfifo', [inWorkspace('shipping-update/samples/pipe.json')]);
    const result = await runCli(['validate', '--format', 'json'], { cwd: project() });
    expect(result.code).toBe(1);
    const diagnostics = (JSON.parse(result.stdout) as { filePath: string; messages: Diagnostic[] }[]).flatMap((entry) =>
      entry.messages.map((diagnostic) => ({ ...diagnostic, filePath: entry.filePath })),
    );
    const about = (file: string) => diagnostics.filter((diagnostic) => diagnostic.filePath === inWorkspace(file)).map((diagnostic) => diagnostic.ruleId);
    // /dev/zero is outside the workspace; the FIFO inside it is not a regular file.
    expect(about('zero/message.yaml')).toEqual(['workspace/path']);
    expect(diagnostics.find((diagnostic) => diagnostic.filePath === inWorkspace('shipping-update/samples/pipe.json'))?.message).toBe(
      'not a regular file (a device, pipe or socket)',
    );
  });

  it('files over the size limit are refused before they are read: a 5 MB MJML body, a 10 MB sample', async () => {
    await writeFile(
      inWorkspace('password-reset/email.mjml'),
      `<mjml><mj-body>${'<mj-section><mj-column><mj-text>x</mj-text></mj-column></mj-section>'.repeat(80_000)}</mj-body></mjml>`,
    );
    await writeFile(
      inWorkspace('shipping-update/samples/huge.json'),
      JSON.stringify({
        customer: { phone: '+14155552671' },
        trigger: { items: Array.from({ length: 200_000 }, (_, index) => ({ sku: `SKU-${index}`, name: 'Widget' })) },
      }),
    );
    const result = await runCli(['validate', '--format', 'json'], { cwd: project() });
    const tooLarge = (JSON.parse(result.stdout) as { filePath: string; messages: Diagnostic[] }[]).flatMap((entry) =>
      entry.messages.filter((diagnostic) => diagnostic.ruleId === 'workspace/file-size').map(() => path.relative(workspace, entry.filePath)),
    );
    expect(tooLarge.sort()).toEqual(['password-reset/email.mjml', 'shipping-update/samples/huge.json']);
  });

  it('render --sample X parses only X: a broken sibling sample is not read', async () => {
    await writeFile(inWorkspace('shipping-update/samples/broken.json'), '{ "customer": ');
    const result = await cli('render', 'shipping-update', '--sample', 'standard');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // The same broken file is reported when it is the one asked for, so its silence above means it was not parsed.
    const asked = await cli('render', 'shipping-update', '--sample', 'broken');
    expect(asked.code).toBe(1);
    expect(asked.stderr).toContain('syntax/json');
  });
});

describe('mj-include expansion is counted as it happens', () => {
  it('a fan-out 16 levels deep (each partial includes the next twice) stops with render/limit, and mjml never runs', async () => {
    for (let level = 0; level < 16; level++) {
      const next = level === 15 ? '<mj-text>leaf</mj-text>' : `<mj-include path="./fan-${level + 1}.mjml" /><mj-include path="./fan-${level + 1}.mjml" />`;
      await writeFile(inWorkspace(`_partials/fan-${level}.mjml`), next);
    }
    await edit('order-confirmation/email.mjml', (mjml) =>
      mjml.replace(headerInclude, '<mj-section><mj-column><mj-include path="../_partials/fan-0.mjml" /></mj-column></mj-section>'),
    );
    const { config } = await loadConfig(path.dirname(workspace));
    const loaded = await loadWorkspace(config, ['order-confirmation']);
    const cache = new MjmlCache();
    const email = await renderEmail(loaded.messages[0]!, loaded.messages[0]!.samples[0], { engines: createEngines(), cache });
    expect(email?.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'render/limit').map((diagnostic) => diagnostic.message)).toEqual([
      'mj-include: more than 500 includes; the email was not compiled',
    ]);
    expect(cache.stats.compiles).toBe(0);
  });
});
