import { describe, expect, it } from 'vitest';
import { useTempDirs, type FileTree } from '../helpers/temp-dir.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { positionOf } from '../helpers/text-position.js';

// The "done when": each kind of bad input gives ONE clear diagnostic that names the
// file, line and column, exit code 1, and never a stack trace.
const makeProject = useTempDirs();
const stackFrame = /^\s+at .+:\d+:\d+\)?$/m;

const goodMessage: FileTree = {
  'templates/order/message.yaml': 'name: Order\nsms:\n  to: "{{ customer.phone }}"\n',
  'templates/order/sms.txt': 'Hi {{ customer.first_name }}, order {{ trigger.order_id }} is confirmed.',
  'templates/order/samples/standard.json': '{\n  "customer": { "first_name": "Ada", "phone": "+14155552671" },\n  "trigger": { "order_id": "NW-1" }\n}\n',
};

/** The stylish report of exactly one error: `<file>` then `  <line>:<column>  error  <message>  <rule>`. */
function expectOneDiagnostic(result: CliResult, file: string, position: { line: number; column: number }, ruleId: string): void {
  expect(result.code).toBe(1);
  expect(result.stderr).not.toMatch(stackFrame);
  expect(result.stderr).not.toContain('internal error');
  const lines = result.stderr.split('\n');
  const fileLine = lines.indexOf(file);
  expect(fileLine, `"${file}" heads the report:\n${result.stderr}`).toBeGreaterThanOrEqual(0);
  expect(lines[fileLine + 1]).toMatch(new RegExp(`^\\s+${position.line}:${position.column}\\s+error\\s+\\S.*\\s${ruleId.replace('/', '\\/')}$`));
  expect(result.stderr).toContain('✖ 1 problem (1 error, 0 warnings)');
}

describe('one clear diagnostic per problem', () => {
  it('a template with a syntax error: render names sms.txt, its line and column', async () => {
    const body = 'Hi {{ customer.first_name }},\norder {{ trigger.order_id | upcase }} is {% if trigger.shipped %}on its way.';
    const project = await makeProject({ ...goodMessage, 'templates/order/sms.txt': body });
    const result = await runCli(['render', 'order'], { cwd: project.root });
    expectOneDiagnostic(result, 'templates/order/sms.txt', positionOf(body, '{% if'), 'syntax/liquid');
    expect(result.stderr).toContain('not closed');
  });

  it('a Handlebars template with an unknown helper: the same, at the helper name', async () => {
    const body = 'Hi {{customer.first_name}},\norder {{shout trigger.order_id}}.';
    const project = await makeProject({
      ...goodMessage,
      'templates/order/message.yaml': 'name: Order\nengine: handlebars\nsms:\n  to: "{{customer.phone}}"\n',
      'templates/order/sms.txt': body,
    });
    const result = await runCli(['render', 'order'], { cwd: project.root });
    expectOneDiagnostic(result, 'templates/order/sms.txt', positionOf(body, 'shout'), 'syntax/handlebars');
  });

  it('a sample with invalid JSON: render --sample and list name the sample file, line and column', async () => {
    const broken = '{\n  "customer": { "first_name": "Ada", "phone": "+14155552671" }\n  "trigger": { "order_id": "NW-1" }\n}\n';
    const project = await makeProject({ ...goodMessage, 'templates/order/samples/standard.json': broken });
    // The missing comma is noticed at the next property: line 3, column 3.
    const position = { line: 3, column: 3 };
    const runs = await Promise.all(
      [['render', 'order', '--sample', 'standard'], ['render', 'order'], ['list']].map((args) => runCli(args, { cwd: project.root })),
    );
    for (const result of runs) expectOneDiagnostic(result, 'templates/order/samples/standard.json', position, 'syntax/json');
  });

  it('a message.yaml with an unknown key: render and list name message.yaml, line and column', async () => {
    const yaml = 'name: Order\nsms:\n  to: "{{ customer.phone }}"\n  maxSegmnts: 2\n';
    const project = await makeProject({ ...goodMessage, 'templates/order/message.yaml': yaml });
    const [render, list] = await Promise.all([runCli(['render', 'order'], { cwd: project.root }), runCli(['list'], { cwd: project.root })]);
    expectOneDiagnostic(render, 'templates/order/message.yaml', positionOf(yaml, 'maxSegmnts'), 'schema/message');
    expect(render.stderr).toContain('unknown key `sms.maxSegmnts`');
    expect(render.stderr).toContain('expected one of: body, to, maxSegments, smartEncoding');
    expect(render.stdout).toBe('');
    expectOneDiagnostic(list, 'templates/order/message.yaml', positionOf(yaml, 'maxSegmnts'), 'schema/message');
  });

  it('render --json reports the same single diagnostic as data', async () => {
    const yaml = 'name: Order\nsms:\n  to: "{{ customer.phone }}"\n  maxSegmnts: 2\n';
    const project = await makeProject({ ...goodMessage, 'templates/order/message.yaml': yaml });
    const result = await runCli(['render', 'order', '--json'], { cwd: project.root });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      message: 'order',
      diagnostics: [
        expect.objectContaining({
          ruleId: 'schema/message',
          severity: 'error',
          file: project.path('templates/order/message.yaml'),
          ...positionOf(yaml, 'maxSegmnts'),
        }),
      ],
    });
  });

  it('a missing attribute in the sample is one render/undefined-attribute at its use', async () => {
    const project = await makeProject({
      ...goodMessage,
      'templates/order/samples/standard.json': '{"customer": {"phone": "+14155552671"}, "trigger": {"order_id": "NW-1"}}',
    });
    const result = await runCli(['render', 'order'], { cwd: project.root });
    expectOneDiagnostic(
      result,
      'templates/order/sms.txt',
      positionOf(goodMessage['templates/order/sms.txt'] as string, 'customer.first_name'),
      'render/undefined-attribute',
    );
    // The SMS is still shown, as the platform would send it.
    expect(result.stdout.split('\n')[0]).toBe('Hi , order NW-1 is confirmed.');
  });
});
