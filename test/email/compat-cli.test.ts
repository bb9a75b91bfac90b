import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { positionOf } from '../helpers/text-position.js';
import { emailYaml, mjmlDocument, section } from './email-workspace.js';

const makeTempDir = useTempDirs();

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string; severity: string; message: string; line: number; column: number; hint?: string }>;
}

const email = mjmlDocument(
  [
    section('<mj-text><div style="display:flex;gap:8px"><span>Order</span><span>42</span></div></mj-text>'),
    section('<mj-image src="https://example.com/logo.svg" alt="Shop" width="120px" />'),
    section('<mj-button href="https://example.com/order">View your order</mj-button>'),
  ].join('\n'),
);

describe('txkit validate: email-client compatibility', () => {
  it('reports display:flex and an SVG image for Outlook Windows at their lines in email.mjml, and nothing of MJML’s own markup', async () => {
    // caniemail: https://www.caniemail.com/features/css-display-flex/ (Outlook Windows: no)
    // and https://www.caniemail.com/features/image-svg/ (Outlook Windows 2007–2016: no).
    const project = await makeTempDir({
      'templates/order/message.yaml': emailYaml(),
      'templates/order/email.mjml': email,
      'templates/order/samples/standard.json': '{}',
    });
    const result = await runCli(['validate', '--format', 'json'], { cwd: project.root });
    expect(result.stderr).toBe('');
    const [file] = JSON.parse(result.stdout) as JsonResult[];
    expect(file?.filePath).toBe(project.path('templates/order/email.mjml'));
    const flex = file!.messages.find((message) => message.ruleId === 'email/compat' && message.message.startsWith('display:flex'));
    expect(flex).toMatchObject({ severity: 'warning', ...positionOf(email, 'display:flex') });
    expect(flex!.message).toContain('Outlook Windows');
    expect(flex!.hint).toContain('https://www.caniemail.com/features/css-display-flex/');
    const svg = file!.messages.find((message) => message.ruleId === 'email/img-format');
    expect(svg).toMatchObject({ severity: 'warning', ...positionOf(email, 'src="https://example.com/logo.svg"') });
    expect(svg!.message).toContain('Outlook Windows 2016');
    // MJML's skeleton (its <style> blocks, media queries, column divs, Outlook tables) is MJML's to handle: every finding is on a line the author wrote.
    const authored = new Set([positionOf(email, 'display:flex').line, positionOf(email, '<mj-image').line]);
    for (const message of file!.messages.filter((message) => message.ruleId.startsWith('email/'))) expect(authored).toContain(message.line);
    expect(result.code).toBe(0);
  });

  it('the example templates pass with the default clients', async () => {
    const templates = fileURLToPath(new URL('../../templates', import.meta.url));
    expect((await readdir(templates)).length).toBeGreaterThan(0);
    const result = await runCli(['validate', '--format', 'json', '--workspace', templates], { cwd: path.dirname(templates) });
    const problems = (JSON.parse(result.stdout) as JsonResult[]).flatMap((file) => file.messages.filter((message) => message.severity === 'error'));
    expect(problems).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('`txkit rules email/compat` shows the caniemail data version and date', async () => {
    const project = await makeTempDir({ 'templates/.keep': '' });
    const result = await runCli(['rules', 'email/compat'], { cwd: project.root });
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(/^email\/compat .*caniemail data of \d{4}-\d{2}-\d{2} \(caniemail \d+\.\d+\.\d+\)/);
  });
});
