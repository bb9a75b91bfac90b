import path from 'node:path';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { positionInFile } from '../helpers/text-position.js';
import { defectsProject, runTxkit } from './helpers.js';

const templates = path.join(defectsProject, 'templates');

interface FileResult {
  filePath: string;
  messages: { ruleId: string; severity: string; line: number; column: number }[];
  errorCount: number;
  warningCount: number;
}

describe('txkit validate exit codes', () => {
  it('exits 1 when there are errors, and prints them grouped by file with a summary', async () => {
    const result = await runTxkit(['validate'], defectsProject);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('templates/undeclared/message.yaml\n');
    const { line, column } = positionInFile(path.join(templates, 'undeclared/message.yaml'), 'trigger.cupon');
    expect(result.stdout).toMatch(
      new RegExp(`^  ${line}:${column} +error +\`trigger\\.cupon\` is not declared in message\\.yaml +attributes/undeclared$`, 'm'),
    );
    expect(result.stdout).toMatch(/^✖ \d+ problems \(\d+ errors, 1 warning\)$/m);
  });

  it('exits 0 with warnings only, and 1 when they are more than --max-warnings', async () => {
    const warningsOnly = await runTxkit(['validate', 'templates/unused'], defectsProject);
    expect(warningsOnly.code).toBe(0);
    expect(warningsOnly.stdout).toContain('attributes/unused');
    expect((await runTxkit(['validate', 'templates/unused', '--max-warnings', '1'], defectsProject)).code).toBe(0);
    const over = await runTxkit(['validate', 'templates/unused', '--max-warnings', '0'], defectsProject);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('--max-warnings 0');
  });

  it('exits 0 and prints nothing when the selection is clean', async () => {
    const result = await runTxkit(['validate', 'templates/undeclared/samples/standard.json'], defectsProject);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it.each([
    [['validate', '--format', 'xml'], /--format/],
    [['validate', '--max-warnings', 'many'], /whole number/],
    [['validate', 'templates/nope'], /no such file or folder/],
    [['validate', '../../../../templates'], /not in the workspace/],
    [['validate', '--staged', 'templates/unused'], /give it no paths/],
    [['validate', '--workspace', 'missing-folder'], /no workspace at/],
  ])('exits 2 on a usage problem: %j', async (args, message) => {
    const result = await runTxkit(args, defectsProject);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('exits 2 for --staged outside a git repository', async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), 'txkit-nogit-'));
    try {
      await writeFile(path.join(outside, 'txkit.config.yaml'), 'workspace: .\n');
      const result = await runTxkit(['validate', '--staged'], outside, { GIT_CEILING_DIRECTORIES: path.dirname(outside) });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--staged needs git');
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});

describe('txkit validate paths', () => {
  it('a message folder reports that whole message and not the config', async () => {
    const result = await runTxkit(['validate', 'templates/missing-in-sample', '--format', 'json'], defectsProject);
    const files = (JSON.parse(result.stdout) as FileResult[]).map((entry) => path.relative(defectsProject, entry.filePath));
    expect(files).toContain('templates/missing-in-sample/samples/no-name.json');
    expect(files.filter((file) => !file.startsWith('templates/missing-in-sample/'))).toEqual([]);
  });

  it('a single file reports only that file, though its message is checked whole', async () => {
    const sample = await runTxkit(['validate', 'templates/wrong-type/samples/standard.json', '--format', 'json'], defectsProject);
    expect((JSON.parse(sample.stdout) as FileResult[]).map((entry) => entry.filePath)).toEqual([path.join(templates, 'wrong-type/samples/standard.json')]);
    // unused has a warning in its message.yaml only; its email.html is clean.
    const body = await runTxkit(['validate', 'templates/unused/email.html', '--format', 'json'], defectsProject);
    expect(JSON.parse(body.stdout)).toEqual([]);
    expect(body.code).toBe(0);
  });

  it('several paths add up', async () => {
    const result = await runTxkit(['validate', 'templates/unused', 'txkit.config.yaml', '--format', 'json'], defectsProject);
    const entries = JSON.parse(result.stdout) as FileResult[];
    expect(entries.map((entry) => path.relative(defectsProject, entry.filePath))).toEqual(['templates/unused/message.yaml', 'txkit.config.yaml']);
    expect(entries.map((entry) => entry.messages.map((message) => message.ruleId))).toEqual([['attributes/unused'], ['config/schema']]);
  });
});

describe('txkit validate formats', () => {
  it('--format github prints workflow commands with paths relative to the working directory', async () => {
    const result = await runTxkit(['validate', 'templates/undeclared', '--format', 'github'], defectsProject);
    expect(result.code).toBe(1);
    const { line, column } = positionInFile(path.join(templates, 'undeclared/message.yaml'), 'trigger.cupon');
    expect(result.stdout.split('\n')).toContain(
      `::error file=templates/undeclared/message.yaml,line=${line},col=${column},endLine=${line},endColumn=${column + 'trigger.cupon'.length},title=attributes/undeclared::\`trigger.cupon\` is not declared in message.yaml%0Adid you mean \`trigger.coupon\`?`,
    );
  });

  it('--format json counts per file', async () => {
    const result = await runTxkit(['validate', 'templates/wrong-type', '--format', 'json'], defectsProject);
    const entry = (JSON.parse(result.stdout) as FileResult[]).find((candidate) => candidate.filePath.endsWith('standard.json'));
    expect(entry).toMatchObject({ errorCount: 5, warningCount: 0 });
    expect(entry!.messages.every((message) => message.ruleId === 'attributes/type')).toBe(true);
  });
});

describe('txkit rules', () => {
  it('lists every rule with the severity this project gives it', async () => {
    const config = path.join(os.tmpdir(), `txkit-rules-${process.pid}`);
    const project = await mkdtemp(config);
    try {
      await writeFile(path.join(project, 'txkit.config.yaml'), 'rules:\n  attributes/unused: off\n');
      const result = await runTxkit(['rules', '--json'], project);
      expect(result.code).toBe(0);
      const rules = JSON.parse(result.stdout) as { id: string; severity: string; defaultSeverity: string; docs: string }[];
      expect(rules.find((rule) => rule.id === 'attributes/unused')).toMatchObject({ severity: 'off', defaultSeverity: 'warning' });
      expect(rules.find((rule) => rule.id === 'attributes/undeclared')).toMatchObject({ severity: 'error' });
      const table = await runTxkit(['validate', '--rules'], project);
      expect(table.stdout).toMatch(/^attributes\/unused +off\* +every attribute declared/m);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });
});
