import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir.js';
import { runTxkit } from './helpers.js';

const makeTempDir = useTempDirs();

interface JsonReport {
  filePath: string;
  messages: { ruleId: string; message: string; line: number; column: number }[];
}

/** trigger.items declares only `name`; the one sample has no items, so no render ever reads an item. */
const messageYaml = (engine: string) => `name: Order shipped
engine: ${engine}
sms:
  body: sms.txt
  to: "+15555550100"
attributes:
  customer:
    first_name: { type: string, required: true }
  trigger:
    order: { type: object, required: true, fields: { id: { type: string, required: true } } }
    items:
      type: array
      required: true
      fields:
        name: { type: string, required: true }
`;

const sample = JSON.stringify({ customer: { first_name: 'Ada' }, trigger: { order: { id: 'NW-1' }, items: [] } });

/** `txkit validate --format json` on one message; the attributes/undeclared findings in the SMS body, in text order. */
async function undeclared(engine: string, body: string): Promise<{ message: string; line: number; column: number }[]> {
  const project = await makeTempDir({
    'templates/shipped/message.yaml': messageYaml(engine),
    'templates/shipped/sms.txt': body,
    'templates/shipped/samples/empty-order.json': sample,
  });
  const result = await runTxkit(['validate', '--format', 'json'], project.root);
  expect(result.stderr).toBe('');
  const reports = JSON.parse(result.stdout) as JsonReport[];
  return reports
    .flatMap((report) => report.messages)
    .filter((message) => message.ruleId === 'attributes/undeclared')
    .map(({ message, line, column }) => ({ message, line, column }));
}

describe('attributes/undeclared follows the data, with no sample holding items (txkit validate)', () => {
  it('Liquid: a field read through a for loop variable is checked against the array fields', async () => {
    const body = '{% for item in trigger.items %}{{ item.name }} {{ item.sku }}{% endfor %}';
    expect(await undeclared('liquid', body)).toEqual([
      { message: '`trigger.items[].sku` is not declared in message.yaml', line: 1, column: body.indexOf('item.sku') + 1 },
    ]);
  });

  it('Liquid: assign aliases are followed, and every undefined reference is reported', async () => {
    const body = '{% assign o = trigger.order %}{% assign first = trigger.items | first %}{{ o.id }} {{ o.total }} {{ first.sku }} {{ customer.last_name }}';
    expect(await undeclared('liquid', body)).toEqual([
      { message: '`trigger.order.total` is not declared in message.yaml', line: 1, column: body.indexOf('o.total') + 1 },
      { message: '`trigger.items[].sku` is not declared in message.yaml', line: 1, column: body.indexOf('first.sku') + 1 },
      { message: '`customer.last_name` is not declared in message.yaml', line: 1, column: body.indexOf('customer.last_name') + 1 },
    ]);
  });

  it('Handlebars: #each (bare, this. and as |item|) and #with contexts are followed', async () => {
    const body =
      '{{#each trigger.items}}{{name}} {{sku}} {{this.color}}{{/each}}{{#each trigger.items as |item|}}{{item.size}}{{/each}}{{#with trigger.order}}{{id}} {{total}}{{/with}}';
    expect(await undeclared('handlebars', body)).toEqual([
      { message: '`trigger.items[].sku` is not declared in message.yaml', line: 1, column: body.indexOf('sku') + 1 },
      { message: '`trigger.items[].color` is not declared in message.yaml', line: 1, column: body.indexOf('this.color') + 1 },
      { message: '`trigger.items[].size` is not declared in message.yaml', line: 1, column: body.indexOf('item.size') + 1 },
      { message: '`trigger.order.total` is not declared in message.yaml', line: 1, column: body.indexOf('total') + 1 },
    ]);
  });

  it('a declared field read through a loop variable is clean', async () => {
    expect(await undeclared('liquid', '{% for item in trigger.items %}{{ item.name }}{% endfor %}')).toEqual([]);
    expect(await undeclared('handlebars', '{{#each trigger.items as |item|}}{{item.name}}{{@index}}{{../customer.first_name}}{{/each}}')).toEqual([]);
  });
});
