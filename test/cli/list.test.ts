import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir.js';
import { runCli } from '../helpers/run-cli.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const makeProject = useTempDirs();

describe('txkit list', () => {
  it('prints one row per example message with channels, engine, samples and targets', async () => {
    const result = await runCli(['list'], { cwd: repoRoot });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id\s+channels\s+languages\s+engine\s+samples\s+targets$/);
    // The targets of the examples change as the sync work settles; the temp workspace below checks that column.
    expect(result.stdout).toMatch(/^order-confirmation\s+email, sms\s+en, fr\s+liquid\s+long-product-no-name, standard-fr, standard\b/m);
    expect(result.stdout).toMatch(/^password-reset\s+email\s+en\s+handlebars\s+no-name-no-ip, standard\b/m);
    expect(result.stdout).toMatch(/^shipping-update\s+sms, whatsapp\s+en\s+liquid\s+cyrillic-name, standard\b/m);
  });

  it('aligns the columns: every row starts its second column where the header does', async () => {
    const { stdout } = await runCli(['list'], { cwd: repoRoot });
    const [header, ...rows] = stdout.trimEnd().split('\n');
    for (const column of ['channels', 'languages', 'engine', 'samples', 'targets']) {
      const start = header!.indexOf(column);
      for (const row of rows) {
        expect(row[start - 1], `${column} column of "${row}"`).toBe(' ');
        expect(row[start], `${column} column of "${row}"`).not.toBe(' ');
      }
    }
  });

  it('--json prints the workspace, messages, broken messages and diagnostics', async () => {
    const result = await runCli(['list', '--json'], { cwd: repoRoot });
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { workspace: string; messages: Array<Record<string, unknown>>; broken: unknown[]; diagnostics: unknown[] };
    expect(json.workspace).toBe(path.join(repoRoot, 'templates'));
    expect(json.broken).toEqual([]);
    expect(json.diagnostics).toEqual([]);
    expect(json.messages).toContainEqual(
      expect.objectContaining({
        id: 'order-confirmation',
        name: 'Order confirmation',
        engine: 'liquid',
        channels: ['email', 'sms'],
        languages: ['en', 'fr'],
        samples: ['long-product-no-name', 'standard-fr', 'standard'],
      }),
    );
    expect(json.messages).toContainEqual(expect.objectContaining({ id: 'shipping-update', channels: ['sms', 'whatsapp'] }));
  });

  it('lists a temp workspace, including a message that cannot be loaded, and exits 1', async () => {
    const project = await makeProject({
      'templates/good/message.yaml': 'name: Good\nengine: handlebars\nemail:\n  subject: Hi\n  from: a@example.com\n  body: email.html\n',
      'templates/good/email.html': '<p>Hi</p>',
      'templates/both/message.yaml':
        'name: Both\nsms:\n  to: "+14155552671"\ntargets:\n  sfmc:\n    definitionKey: both\n  customerio:\n    transactionalMessageId: 7\n',
      'templates/both/sms.txt': 'Hi',
      'templates/both/samples/b.json': '{}',
      'templates/both/samples/a.json': '{}',
      'templates/bad/message.yaml': 'name: Bad\nengine: jinja\nsms:\n  to: "+14155552671"\n',
    });
    const result = await runCli(['list', '--json'], { cwd: project.root });
    expect(result.code).toBe(1);
    const table = await runCli(['list'], { cwd: project.root });
    expect(table.stdout).toMatch(/^both\s+sms\s+en\s+liquid\s+a, b\s+sfmc, customerio$/m);
    expect(table.stdout).toMatch(/^bad\s+cannot be loaded \(1 problem\)$/m);
    const json = JSON.parse(result.stdout) as {
      messages: Array<{ id: string; targets: string[]; samples: string[] }>;
      broken: unknown[];
      diagnostics: Array<Record<string, unknown>>;
    };
    expect(json.messages).toEqual([
      { id: 'both', name: 'Both', engine: 'liquid', channels: ['sms'], languages: ['en'], samples: ['a', 'b'], targets: ['sfmc', 'customerio'] },
      { id: 'good', name: 'Good', engine: 'handlebars', channels: ['email'], languages: ['en'], samples: [], targets: [] },
    ]);
    expect(json.broken).toEqual([{ id: 'bad', problems: 1 }]);
    expect(json.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'schema/message', file: project.path('templates/bad/message.yaml'), line: 2, column: 9 }),
    ]);
  });
});
