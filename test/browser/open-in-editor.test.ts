import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';
import { greetingYaml } from '../helpers/temp-workspace.js';
import { positionOf } from '../helpers/text-position.js';
import { usePreviewOf, sampleEditorText } from './preview-harness.js';

const openPreview = usePreviewOf();

/** LAUNCH_EDITOR (launch-editor's first choice) is a script that writes down every file and position it is asked to open. */
let editorDir: TempDir;
let previousLaunchEditor: string | undefined;
const launches = () => readFile(editorDir.path('launches.log'), 'utf8').catch(() => '');

beforeAll(async () => {
  editorDir = await makeTempDir();
  await writeFile(editorDir.path('editor.sh'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${editorDir.path('launches.log')}'\n`);
  await chmod(editorDir.path('editor.sh'), 0o755);
  previousLaunchEditor = process.env['LAUNCH_EDITOR'];
  process.env['LAUNCH_EDITOR'] = editorDir.path('editor.sh');
});

// Each test reads only the launches it caused.
beforeEach(async () => {
  await rm(editorDir.path('launches.log'), { force: true });
});

afterAll(async () => {
  if (previousLaunchEditor === undefined) delete process.env['LAUNCH_EDITOR'];
  else process.env['LAUNCH_EDITOR'] = previousLaunchEditor;
  await editorDir.remove();
});

const message = `name: Ping
sms:
  body: sms.txt
  to: "{{ customer.phone }}"
attributes:
  customer:
    phone: { type: string, required: true, format: e164 }
`;
// An unknown filter: an error at line 1 of sms.txt, column 7 (where the output tag's expression starts).
const smsBody = 'Ping! {{ customer.phone | nosuchfilter }}\n';
// A missing comma: the parser stops at the second key, line 3.
const brokenSample = '{ "customer": {\n  "phone": "+14155552671"\n  "first_name": "Ada" } }\n';

it(
  'clicking a problem opens its file at its line in the editor (LAUNCH_EDITOR), and a sample problem also puts the sample editor there (issue 18 item 2)',
  { timeout: 120_000 },
  async () => {
    const { page, server, project, file, errors } = await openPreview(
      {
        'templates/ping/message.yaml': message,
        'templates/ping/sms.txt': smsBody,
        'templates/ping/samples/basic.json': brokenSample,
        'templates/ping/samples/good.json': '{ "customer": { "phone": "+14155552671" } }\n',
        'templates/ping/.env.local': 'SECRET=1\n',
        'outside.txt': 'not the workspace\n',
      },
      '#/ping?sample=basic&channel=sms',
    );
    const sampleProblem = page.locator('[data-testid=problems] .diagnostic-location', { hasText: 'ping/samples/basic.json:3:' });
    await sampleProblem.waitFor({ timeout: 10_000 });
    await expect.poll(() => sampleEditorText(page), { timeout: 10_000 }).toBe(brokenSample);
    const [, line, column] = /:(\d+):(\d+)$/.exec(await sampleProblem.innerText())!;

    await sampleProblem.click();
    await expect.poll(launches, { timeout: 10_000 }).toBe(`${file('ping/samples/basic.json')} ${line} ${column}\n`);
    // The sample editor has the focus, its cursor on that line.
    await expect(page.locator('[data-testid=sample-editor]:focus').count()).resolves.toBe(1);
    await expect(page.locator('[data-testid=sample-editor] .cm-activeLine').innerText()).resolves.toBe(brokenSample.split('\n')[Number(line) - 1]);

    const templateProblem = page.locator('[data-testid=problems] .diagnostic-location', { hasText: 'ping/sms.txt:1:' }).first();
    const templatePosition = /:(\d+):(\d+)$/.exec(await templateProblem.innerText())!;
    await templateProblem.click();
    await expect.poll(launches, { timeout: 10_000 }).toContain(`${file('ping/sms.txt')} ${templatePosition[1]} ${templatePosition[2]}\n`);

    // Only files of the workspace, no secrets file, only from the preview's own page, only as JSON.
    const api = `${server.url}__txkit/api/open-in-editor`;
    const open = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(api, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) }).then(
        (response) => response.status,
      );
    await expect(open({ file: '../outside.txt', line: 1, column: 1 })).resolves.toBe(404);
    await expect(open({ file: project.path('outside.txt'), line: 1, column: 1 })).resolves.toBe(404);
    await expect(open({ file: 'ping/.env.local', line: 1, column: 1 })).resolves.toBe(404);
    await expect(open({ file: 'ping', line: 1, column: 1 })).resolves.toBe(404);
    await expect(open({ file: 'ping/sms.txt', line: 0, column: 1 })).resolves.toBe(400);
    await expect(open({ file: 'ping/sms.txt', line: 1, column: 1 }, { Origin: 'http://127.0.0.1:1' })).resolves.toBe(403);
    await expect(open({ file: 'ping/sms.txt', line: 1, column: 1 }, { 'Sec-Fetch-Site': 'same-site' })).resolves.toBe(403);
    await expect(
      fetch(api, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"file":"ping/sms.txt","line":1,"column":1}' }).then(
        (response) => response.status,
      ),
    ).resolves.toBe(415);
    // Give a wrongly started editor time to write: nothing more was opened.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect(launches()).resolves.toBe(
      `${file('ping/samples/basic.json')} ${line} ${column}\n${file('ping/sms.txt')} ${templatePosition[1]} ${templatePosition[2]}\n`,
    );
    expect(errors).toEqual([]);
  },
);

it('clicking a compatibility finding opens its file at its line in the editor, through the route the Problems panel uses', { timeout: 120_000 }, async () => {
  // white-space is not supported in Outlook Windows (https://www.caniemail.com/features/css-white-space/): a compatibility finding.
  const html =
    '<!doctype html>\n<html lang="en"><head><title>Hi</title></head>\n<body><p style="white-space: nowrap">Hi {{ customer.first_name }}</p></body></html>\n';
  const { page, file, errors } = await openPreview(
    {
      'templates/welcome/message.yaml': greetingYaml(),
      'templates/welcome/email.html': html,
      'templates/welcome/samples/basic.json': '{ "customer": { "first_name": "Ada" } }\n',
    },
    '#/welcome?sample=basic',
  );
  await page.getByRole('tab', { name: /Compatibility/ }).click();
  const source = page.locator('[data-testid=compat-panel] tbody tr', { hasText: 'white-space' }).locator('.compat-source');
  await source.waitFor({ timeout: 15_000 });
  const { line, column } = positionOf(html, 'white-space');
  await expect(source.innerText()).resolves.toBe(`welcome/email.html:${line}:${column}`);
  await source.click();
  await expect.poll(launches, { timeout: 10_000 }).toBe(`${file('welcome/email.html')} ${line} ${column}\n`);
  expect(errors).toEqual([]);
});
