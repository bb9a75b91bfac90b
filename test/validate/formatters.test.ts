import path from 'node:path';
import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { formatGithub } from '../../src/validate/formatters/github.js';
import { formatJson } from '../../src/validate/formatters/json.js';
import { formatStylish } from '../../src/validate/formatters/stylish.js';

const cwd = path.resolve('/project');
const options = { cwd, colors: pc.createColors(false) };
const sms = path.join(cwd, 'templates/order/sms.txt');
const yaml = path.join(cwd, 'templates/order/message.yaml');

const diagnostics: Diagnostic[] = [
  { ruleId: 'sms/max-segments', severity: 'error', message: 'too long', file: sms, line: 1, column: 1, endLine: 1, endColumn: 170 },
  {
    ruleId: 'attributes/unused',
    severity: 'warning',
    message: '`trigger.x` is declared but no template reads it',
    file: yaml,
    line: 12,
    column: 5,
    hint: 'remove it',
  },
  { ruleId: 'attributes/undeclared', severity: 'error', message: '`trigger.y` is not declared', file: yaml, line: 3, column: 26 },
  { ruleId: 'sms/encoding', severity: 'info', message: 'UCS-2', file: sms, line: 1, column: 40 },
];

describe('stylish', () => {
  it('groups by file, sorts by position, aligns columns, puts hints under their problem and ends with a summary', () => {
    expect(formatStylish(diagnostics, options).split('\n')).toEqual([
      'templates/order/message.yaml',
      '  3:26  error    `trigger.y` is not declared                       attributes/undeclared',
      '  12:5  warning  `trigger.x` is declared but no template reads it  attributes/unused',
      '                 ↳ remove it',
      '',
      'templates/order/sms.txt',
      '  1:1   error  too long  sms/max-segments',
      '  1:40  info   UCS-2     sms/encoding',
      '',
      '✖ 4 problems (2 errors, 1 warning, 1 info)',
    ]);
  });

  it('prints nothing when there is nothing to report', () => {
    expect(formatStylish([], options)).toBe('');
  });
});

describe('json', () => {
  it('is one entry per file, like ESLint: absolute filePath, messages by position without the file, counts', () => {
    const results = JSON.parse(formatJson(diagnostics)) as unknown[];
    expect(results).toEqual([
      {
        filePath: yaml,
        messages: [
          { ruleId: 'attributes/undeclared', severity: 'error', message: '`trigger.y` is not declared', line: 3, column: 26 },
          {
            ruleId: 'attributes/unused',
            severity: 'warning',
            message: '`trigger.x` is declared but no template reads it',
            line: 12,
            column: 5,
            hint: 'remove it',
          },
        ],
        errorCount: 1,
        warningCount: 1,
        infoCount: 0,
      },
      {
        filePath: sms,
        messages: [
          { ruleId: 'sms/max-segments', severity: 'error', message: 'too long', line: 1, column: 1, endLine: 1, endColumn: 170 },
          { ruleId: 'sms/encoding', severity: 'info', message: 'UCS-2', line: 1, column: 40 },
        ],
        errorCount: 1,
        warningCount: 0,
        infoCount: 1,
      },
    ]);
  });

  it('is an empty array when there is nothing to report', () => {
    expect(JSON.parse(formatJson([]))).toEqual([]);
  });
});

/**
 * The GitHub Actions runner's parser for `::command key=value,...::data` lines, ported from
 * actions/runner src/Runner.Common/ActionCommand.cs (TryParseV2, UnescapeProperty, UnescapeData).
 */
function parseWorkflowCommand(line: string): { command: string; properties: Record<string, string>; data: string } | undefined {
  const message = line.trimStart();
  if (!message.startsWith('::')) return undefined;
  const endIndex = message.indexOf('::', 2);
  if (endIndex < 0) return undefined;
  const info = message.slice(2, endIndex);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  const unescape = (text: string, mappings: [string, string][]) => mappings.reduce((value, [token, replacement]) => value.replaceAll(replacement, token), text);
  const propertyMappings: [string, string][] = [
    ['\r', '%0D'],
    ['\n', '%0A'],
    [':', '%3A'],
    [',', '%2C'],
    ['%', '%25'],
  ];
  const dataMappings: [string, string][] = [
    ['\r', '%0D'],
    ['\n', '%0A'],
    ['%', '%25'],
  ];
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const property of info
      .slice(space + 1)
      .trim()
      .split(',')
      .filter(Boolean)) {
      const equals = property.indexOf('=');
      if (equals > 0 && equals < property.length - 1) properties[property.slice(0, equals)] = unescape(property.slice(equals + 1), propertyMappings);
    }
  }
  return { command, properties, data: unescape(message.slice(endIndex + 2), dataMappings) };
}

describe('github', () => {
  it('writes one workflow command per problem that the runner parses back to the same file, position, title and message', () => {
    const lines = formatGithub(diagnostics, options).split('\n');
    expect(lines.map(parseWorkflowCommand)).toEqual([
      {
        command: 'error',
        properties: { file: 'templates/order/message.yaml', line: '3', col: '26', title: 'attributes/undeclared' },
        data: '`trigger.y` is not declared',
      },
      {
        command: 'warning',
        properties: { file: 'templates/order/message.yaml', line: '12', col: '5', title: 'attributes/unused' },
        data: '`trigger.x` is declared but no template reads it\nremove it',
      },
      {
        command: 'error',
        properties: { file: 'templates/order/sms.txt', line: '1', col: '1', endLine: '1', endColumn: '170', title: 'sms/max-segments' },
        data: 'too long',
      },
      { command: 'notice', properties: { file: 'templates/order/sms.txt', line: '1', col: '40', title: 'sms/encoding' }, data: 'UCS-2' },
    ]);
  });

  it('escapes %, CR and LF in the message, and also : and , in properties, so nothing ends the command early', () => {
    const tricky: Diagnostic = {
      ruleId: 'render/error',
      severity: 'error',
      message: '100% wrong:\r\nline two, with "::error::" inside',
      file: path.join(cwd, 'odd, name:1.txt'),
      line: 2,
      column: 3,
      hint: 'a 50%0A hint',
    };
    const [line, ...rest] = formatGithub([tricky], options).split('\n');
    expect(rest).toEqual([]);
    expect(line).toBe(
      '::error file=odd%2C name%3A1.txt,line=2,col=3,title=render/error::100%25 wrong:%0D%0Aline two, with "::error::" inside%0Aa 50%250A hint',
    );
    expect(parseWorkflowCommand(line!)).toEqual({
      command: 'error',
      properties: { file: 'odd, name:1.txt', line: '2', col: '3', title: 'render/error' },
      data: `${tricky.message}\n${tricky.hint}`,
    });
  });

  it('prints nothing when there is nothing to report', () => {
    expect(formatGithub([], options)).toBe('');
  });
});
