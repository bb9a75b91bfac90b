import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostileWorkspace, type FileEdit } from './hostile-pipeline.js';

/**
 * Hand-made worst cases of each input kind, on top of the random mutations: deep nesting,
 * huge values, alias bombs, prototype keys, runaway loops, broken encodings and escaping paths.
 */

type Text = (file: string) => string;
type RuleId = `${string}/${string}`;

interface CraftedInput {
  description: string;
  /**
   * How the input must end: a clean render (no diagnostic the unmodified examples lack, every
   * output non-empty), or a diagnostic of this rule, the one that names the problem.
   */
  expected: 'clean' | RuleId | RuleId[];
  edits: (text: Text) => FileEdit[];
}

const tenMegabytes = 'A'.repeat(10 * 1024 * 1024);
const nested = (depth: number, open: string, close: string, inner: string) => open.repeat(depth) + inner + close.repeat(depth);
const one =
  (file: string, make: (original: string) => string | Uint8Array): CraftedInput['edits'] =>
  (text) => [{ file, bytes: make(text(file)) }];

const liquidSms = 'shipping-update/sms.txt';
const liquidMjml = 'order-confirmation/email.mjml';
const handlebarsMjml = 'password-reset/email.mjml';
const htmlBody = 'appointment-reminder/email.html';
const orderSample = 'order-confirmation/samples/standard.json';
const shippingSample = 'shipping-update/samples/standard.json';
const resetSample = 'password-reset/samples/standard.json';
const orderYaml = 'order-confirmation/message.yaml';
const resetYaml = 'password-reset/message.yaml';
const config = '../txkit.config.yaml';

const prototypeKeys = '"__proto__": { "polluted": "yes" }, "constructor": { "prototype": { "polluted": "yes" } }, "prototype": { "polluted": "yes" }, ';

function sampleWith(original: string, change: (sample: { customer: Record<string, unknown>; trigger: Record<string, unknown> }) => void): string {
  const sample = JSON.parse(original) as { customer: Record<string, unknown>; trigger: Record<string, unknown> };
  change(sample);
  return JSON.stringify(sample, null, 2);
}

function replaceOnce(original: string, search: string, replacement: string): string {
  if (!original.includes(search)) throw new Error(`the example no longer contains ${JSON.stringify(search)}: update this hostile input`);
  return original.replace(search, replacement);
}

function aliasBomb(levels: number, width: number): string {
  const lines = ['l0: &l0 "lol"'];
  for (let level = 1; level <= levels; level++)
    lines.push(
      `l${level}: &l${level} [${Array(width)
        .fill(`*l${level - 1}`)
        .join(', ')}]`,
    );
  return lines.join('\n');
}

const crafted: CraftedInput[] = [
  // Liquid templates
  {
    description: 'liquid: 5000 nested {% if %}',
    expected: 'syntax/liquid',
    edits: one(liquidSms, (sms) => nested(5000, '{% if customer.first_name %}', '{% endif %}', sms)),
  },
  {
    description: 'liquid: 5000 nested {% for %}',
    expected: 'syntax/liquid',
    edits: one(liquidSms, (sms) => nested(5000, '{% for x in trigger.items %}', '{% endfor %}', sms)),
  },
  {
    description: 'liquid: 5000 unclosed {% if %}',
    expected: 'syntax/liquid',
    edits: one(liquidSms, (sms) => '{% if customer.first_name %}'.repeat(5000) + sms),
  },
  { description: 'liquid: 5000 stray {% endif %}', expected: 'syntax/liquid', edits: one(liquidSms, (sms) => sms + '{% endif %}'.repeat(5000)) },
  {
    description: 'liquid: a condition of 20000 `or` terms',
    expected: 'attributes/undeclared',
    edits: one(liquidSms, (sms) => `{% if ${Array(20000).fill('customer.x').join(' or ')} %}x{% endif %}${sms}`),
  },
  {
    description: 'liquid: a billion-step range loop',
    expected: 'render/limit',
    edits: one(liquidSms, (sms) => `{% for i in (1..1000000000) %}{{ i }}{% endfor %}${sms}`),
  },
  {
    description: 'liquid: 10^8 empty nested iterations',
    expected: 'render/limit',
    edits: one(liquidSms, (sms) => `{% for i in (1..10000) %}{% for j in (1..10000) %}{% endfor %}{% endfor %}${sms}`),
  },
  {
    description: 'liquid: a string doubled 40 times',
    expected: 'render/limit',
    edits: one(liquidSms, (sms) => `{% assign s = "xxxxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}${sms}`),
  },
  {
    description: 'liquid: prototype and constructor access',
    expected: 'render/undefined-attribute',
    edits: one(
      liquidSms,
      (sms) =>
        `{{ customer.__proto__ }}{{ customer.constructor.name }}{% assign p = customer.__proto__ %}{{ p.polluted }}{{ trigger | map: "constructor" }}{{ customer["__proto__"]["toString"] }}${sms}`,
    ),
  },
  { description: 'liquid: a 10 MB template', expected: 'workspace/file-size', edits: one(liquidSms, (sms) => sms + tenMegabytes) },
  {
    description: 'liquid: {% include %} and {% render %} of files outside the workspace',
    expected: 'liquid/unsupported-tag',
    edits: one(liquidSms, (sms) => `{% include "/etc/passwd" %}{% render "../../../../etc/hostname" %}${sms}`),
  },
  // Handlebars templates
  {
    description: 'handlebars: 5000 nested {{#if}}',
    expected: 'render/limit',
    edits: one(handlebarsMjml, (mjml) => replaceOnce(mjml, 'Hello,', nested(5000, '{{#if customer.first_name}}', '{{/if}}', 'Hello,'))),
  },
  {
    description: 'handlebars: 5000 nested {{#each}}',
    expected: 'render/limit',
    edits: one(handlebarsMjml, (mjml) => replaceOnce(mjml, 'Hello,', nested(5000, '{{#each trigger}}', '{{/each}}', 'Hello,'))),
  },
  {
    description: 'handlebars: 5000 nested subexpressions',
    expected: 'render/limit',
    edits: one(handlebarsMjml, (mjml) => replaceOnce(mjml, 'Hello,', `{{lookup ${nested(5000, '(lookup ', ' "a")', 'customer')} "a"}}`)),
  },
  {
    description: 'handlebars: 5000 unclosed {{#if}}',
    expected: 'render/limit',
    edits: one(handlebarsMjml, (mjml) => replaceOnce(mjml, 'Hello,', '{{#if customer.first_name}}'.repeat(5000))),
  },
  {
    description: 'handlebars: prototype and constructor access',
    expected: 'attributes/undeclared',
    edits: one(handlebarsMjml, (mjml) =>
      replaceOnce(
        mjml,
        'Hello,',
        '{{customer.constructor.name}}{{lookup customer "__proto__"}}{{#with customer.constructor}}{{prototype}}{{/with}}{{lookup (lookup customer "constructor") "prototype"}}{{customer.__defineGetter__}}',
      ),
    ),
  },
  {
    description: 'handlebars: three nested {{#each}} over a 2000-item sample array',
    expected: 'attributes/undeclared',
    edits: (text) => [
      {
        file: handlebarsMjml,
        bytes: replaceOnce(
          text(handlebarsMjml),
          'Hello,',
          '{{#each trigger.items}}{{#each ../trigger.items}}{{#each ../../trigger.items}}.{{/each}}{{/each}}{{/each}}',
        ),
      },
      { file: resetSample, bytes: sampleWith(text(resetSample), (sample) => void (sample.trigger.items = Array.from({ length: 2000 }, (_, index) => index))) },
    ],
  },
  // MJML and HTML bodies
  {
    description: 'mjml: 5000 nested <mj-wrapper>',
    expected: 'syntax/mjml',
    edits: one(liquidMjml, (mjml) =>
      replaceOnce(mjml, '<mj-body background-color="#f3f4f6">', `<mj-body>${nested(5000, '<mj-wrapper>', '</mj-wrapper>', '')}`),
    ),
  },
  {
    description: 'mjml: 5000 nested <div> in raw HTML (also through the HTML-to-text conversion)',
    expected: 'clean',
    edits: one(liquidMjml, (mjml) =>
      replaceOnce(mjml, '<mj-body background-color="#f3f4f6">', `<mj-body><mj-raw>${nested(5000, '<div>', '</div>', 'deep')}</mj-raw>`),
    ),
  },
  { description: 'mjml: an empty file', expected: 'syntax/mjml', edits: one(liquidMjml, () => '') },
  { description: 'mjml: not markup at all', expected: 'syntax/mjml', edits: one(liquidMjml, () => '\u0000\uFFFD<<<>>> {{ }} {% %}') },
  { description: 'mjml: every closing tag removed', expected: 'syntax/mjml', edits: one(liquidMjml, (mjml) => mjml.replace(/<\/mj-[a-z]+>/g, '')) },
  {
    description: 'mjml: a 10 MB attribute value',
    expected: 'workspace/file-size',
    edits: one(liquidMjml, (mjml) => replaceOnce(mjml, 'href="{{ trigger.order_url }}"', `href="${tenMegabytes}"`)),
  },
  {
    description: 'mjml: an include of itself',
    expected: 'syntax/mjml',
    edits: one(liquidMjml, (mjml) => replaceOnce(mjml, '<mj-include path="../_partials/header.mjml" />', '<mj-include path="./email.mjml" />')),
  },
  {
    description: 'mjml: a partial that includes itself',
    expected: 'syntax/mjml',
    edits: one('_partials/header.mjml', () => '<mj-include path="./header.mjml" />'),
  },
  {
    description: 'mjml: includes of a folder, an empty path and a missing file',
    expected: 'workspace/missing-file',
    edits: one(liquidMjml, (mjml) =>
      replaceOnce(
        mjml,
        '<mj-include path="../_partials/header.mjml" />',
        '<mj-include path="../_partials" /><mj-include path="" /><mj-include path="./missing.mjml" />',
      ),
    ),
  },
  {
    description: 'html: a 10 MB attribute value',
    expected: 'workspace/file-size',
    edits: one(htmlBody, (html) => replaceOnce(html, 'href="{{ trigger.manage_url }}"', `href="${tenMegabytes}"`)),
  },
  {
    description: 'html: 5000 nested tables',
    expected: 'email/size',
    edits: one(htmlBody, (html) => replaceOnce(html, '<body', `${nested(5000, '<table><tr><td>', '</td></tr></table>', '')}<body`)),
  },
  {
    description: 'html: the body wrapped in display:none',
    expected: 'email/empty',
    edits: one(htmlBody, (html) => html.replace(/(<body[^>]*>)([\s\S]*)(<\/body>)/, '$1<div style="display:none">$2</div>$3')),
  },
  {
    description: 'mjml: an unclosed comment before the content',
    expected: 'email/empty',
    edits: one(liquidMjml, (mjml) => replaceOnce(mjml, '<mj-body background-color="#f3f4f6">', '<mj-body background-color="#f3f4f6"><!-- ')),
  },
  { description: 'html: an unclosed comment', expected: 'email/empty', edits: one(htmlBody, (html) => replaceOnce(html, '<body', '<!-- <body')) },
  // Sample data
  {
    description: 'sample: a 10 MB attribute value (email)',
    expected: 'workspace/file-size',
    edits: one(orderSample, (json) => sampleWith(json, (sample) => void (sample.customer.first_name = tenMegabytes))),
  },
  {
    description: 'sample: a 10 MB attribute value (SMS)',
    expected: 'workspace/file-size',
    edits: one(shippingSample, (json) => sampleWith(json, (sample) => void (sample.customer.first_name = tenMegabytes))),
  },
  {
    description: 'sample: a 256 KB attribute value (SMS under the output limit, so analyzed)',
    expected: 'sms/max-segments',
    edits: one(shippingSample, (json) => sampleWith(json, (sample) => void (sample.customer.first_name = 'é'.repeat(256 * 1024)))),
  },
  // The render time limit is wall-clock (src/render/limits.ts): on a loaded machine the render stops there first.
  {
    description: 'sample: 5000 line items',
    expected: ['email/size', 'render/limit'],
    edits: one(orderSample, (json) =>
      sampleWith(
        json,
        (sample) => void (sample.trigger.items = Array.from({ length: 5000 }, (_, index) => ({ name: `item ${index}`, quantity: 1, price: 1 }))),
      ),
    ),
  },
  {
    description: 'sample: __proto__, constructor and prototype keys at the top level',
    expected: 'samples/shape',
    edits: one(orderSample, (json) => replaceOnce(json, '{', `{ ${prototypeKeys}`)),
  },
  {
    description: 'sample: __proto__, constructor and prototype keys in customer',
    expected: 'clean',
    edits: one(orderSample, (json) => replaceOnce(json, '"customer": {', `"customer": { ${prototypeKeys}`)),
  },
  {
    description: 'sample: __proto__ keys in a line item',
    expected: 'clean',
    edits: one(orderSample, (json) => replaceOnce(json, '{ "name": "Canvas tote bag",', `{ ${prototypeKeys}"name": "Canvas tote bag",`)),
  },
  {
    description: 'sample: arrays nested 1000 deep',
    expected: 'syntax/json',
    edits: one(orderSample, (json) => replaceOnce(json, '"currency": "USD",', `"currency": "USD", "deep": ${nested(1000, '[', ']', '')},`)),
  },
  { description: 'sample: arrays nested 100 000 deep', expected: 'syntax/json', edits: one(orderSample, () => nested(100_000, '[', ']', '')) },
  {
    description: 'sample: objects nested 5000 deep',
    expected: 'syntax/json',
    edits: one(orderSample, () => `{"customer": ${nested(5000, '{"a":', '}', '1')}}`),
  },
  {
    description: 'sample: customer is an array, trigger is null',
    expected: 'samples/shape',
    edits: one(orderSample, () => '{"customer": [], "trigger": null}'),
  },
  {
    description: 'sample: items is a string, total is huge',
    expected: 'attributes/type',
    edits: one(orderSample, (json) => sampleWith(json, (sample) => Object.assign(sample.trigger, { items: 'not a list', total: 1e308 }))),
  },
  {
    description: 'sample: 20 000 customer keys',
    expected: 'clean',
    edits: one(orderSample, (json) =>
      sampleWith(json, (sample) => Object.assign(sample.customer, Object.fromEntries(Array.from({ length: 20_000 }, (_, index) => [`k${index}`, index])))),
    ),
  },
  {
    description: 'sample: invalid UTF-8',
    expected: 'syntax/json',
    edits: one(orderSample, (json) => Buffer.concat([Buffer.from(json.slice(0, 40)), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(json.slice(40))])),
  },
  {
    description: 'sample: UTF-16 with a byte-order mark',
    expected: 'syntax/json',
    edits: one(orderSample, (json) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')])),
  },
  { description: 'sample: UTF-8 BOM and CRLF', expected: 'clean', edits: one(orderSample, (json) => `\uFEFF${json.replace(/\n/g, '\r\n')}`) },
  // txkit.config.yaml
  {
    description: 'config: an unknown rule id',
    expected: 'config/schema',
    edits: one(config, (yaml) => replaceOnce(yaml, 'rules:\n', 'rules:\n  email/nosuch: error\n')),
  },
  {
    description: 'config: a workspace that is a number',
    expected: 'config/schema',
    edits: one(config, (yaml) => replaceOnce(yaml, 'workspace: templates', 'workspace: 42')),
  },
  { description: 'config: a billion-laughs alias bomb', expected: 'syntax/yaml', edits: one(config, (yaml) => `${yaml}${aliasBomb(9, 9)}\n`) },
  { description: 'config: not a mapping', expected: 'config/schema', edits: one(config, () => '- just\n- a list\n') },
  // message.yaml
  { description: 'yaml: a billion-laughs alias bomb', expected: 'syntax/yaml', edits: one(orderYaml, (yaml) => `${yaml}\n# bomb\n${aliasBomb(9, 9)}\n`) },
  {
    description: 'yaml: alias bomb inside a known key',
    expected: 'syntax/yaml',
    edits: one(orderYaml, (yaml) =>
      replaceOnce(
        yaml,
        'description: Sent when an order is placed; lists the items and the total.',
        `description: &d "x"\nx0: &x0 [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n${Array.from({ length: 8 }, (_, level) => `x${level + 1}: &x${level + 1} [${Array(10).fill(`*x${level}`).join(', ')}]`).join('\n')}`,
      ),
    ),
  },
  {
    description: 'yaml: __proto__ and constructor keys',
    expected: 'schema/message',
    edits: one(orderYaml, (yaml) => `__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\n${yaml}`),
  },
  {
    description: 'yaml: __proto__ attribute and a << merge of it',
    expected: 'schema/message',
    edits: one(orderYaml, (yaml) =>
      replaceOnce(yaml, 'attributes:\n  customer:\n', 'attributes:\n  customer:\n    __proto__: &p { type: string, polluted: yes }\n    merged: { <<: *p }\n'),
    ),
  },
  {
    description: 'yaml: flow sequences nested 1000 deep',
    expected: 'syntax/yaml',
    edits: one(orderYaml, (yaml) => `${yaml}\nextra: ${nested(1000, '[', ']', '')}\n`),
  },
  { description: 'yaml: flow sequences nested 100 000 deep', expected: 'syntax/yaml', edits: one(orderYaml, () => nested(100_000, '[', ']', '')) },
  {
    description: 'yaml: block mappings nested 1500 deep',
    expected: 'workspace/file-size',
    edits: one(orderYaml, (yaml) => `${yaml}\nextra:\n${Array.from({ length: 1500 }, (_, level) => `${' '.repeat(level + 1)}k:`).join('\n')} 1\n`),
  },
  {
    description: 'yaml: a 10 MB subject',
    expected: 'workspace/file-size',
    edits: one(orderYaml, (yaml) => replaceOnce(yaml, 'subject: "Order {{ trigger.order_id }} confirmed"', `subject: "${tenMegabytes}"`)),
  },
  {
    description: 'yaml: a subject of 5000 nested {% if %}',
    expected: 'syntax/liquid',
    edits: one(orderYaml, (yaml) =>
      replaceOnce(yaml, 'subject: "Order {{ trigger.order_id }} confirmed"', `subject: "${nested(5000, '{% if trigger.order_id %}', '{% endif %}', 'x')}"`),
    ),
  },
  {
    description: 'yaml: engine swapped to handlebars (Liquid templates)',
    expected: 'syntax/handlebars',
    edits: one(orderYaml, (yaml) => replaceOnce(yaml, 'engine: liquid', 'engine: handlebars')),
  },
  {
    description: 'yaml: engine swapped to liquid (Handlebars templates)',
    expected: 'syntax/liquid',
    edits: one(resetYaml, (yaml) => replaceOnce(yaml, 'engine: handlebars', 'engine: liquid')),
  },
  {
    description: 'yaml: body paths outside the workspace',
    expected: 'workspace/path',
    edits: one(orderYaml, (yaml) =>
      replaceOnce(replaceOnce(yaml, 'body: email.mjml', 'body: ../../../../../etc/passwd.mjml'), 'body: sms.txt', 'body: /etc/hostname'),
    ),
  },
  {
    description: 'yaml: a body path that is a folder',
    expected: 'workspace/read',
    edits: one(orderYaml, (yaml) => replaceOnce(yaml, 'body: email.mjml', 'body: samples.mjml\n  text: samples')),
  },
  {
    description: 'yaml: unknown and JavaScript tags',
    expected: 'schema/message',
    edits: one(orderYaml, (yaml) =>
      replaceOnce(
        yaml,
        'name: Order confirmation',
        'name: !!js/function "function () { globalThis.polluted = 1 }"\ndescription2: !custom x\nbin: !!binary aGVsbG8=',
      ),
    ),
  },
  { description: 'yaml: duplicate keys', expected: 'syntax/yaml', edits: one(orderYaml, (yaml) => `${yaml}\nname: again\n`) },
  {
    description: 'yaml: 20 000 duplicate keys',
    expected: 'workspace/file-size',
    edits: one(orderYaml, (yaml) =>
      replaceOnce(yaml, 'attributes:\n  customer:\n', `attributes:\n  customer:\n${'    same: { type: string }\n'.repeat(20_000)}`),
    ),
  },
  {
    description: 'yaml: 20 000 attributes',
    expected: 'workspace/file-size',
    edits: one(orderYaml, (yaml) =>
      replaceOnce(
        yaml,
        'attributes:\n  customer:\n',
        `attributes:\n  customer:\n${Array.from({ length: 20_000 }, (_, index) => `    a${index}: { type: string }`).join('\n')}\n`,
      ),
    ),
  },
  { description: 'yaml: a scalar, not a mapping', expected: 'schema/message', edits: one(orderYaml, () => 'just text') },
  { description: 'yaml: an empty file', expected: 'schema/message', edits: one(orderYaml, () => '') },
  { description: 'yaml: two documents', expected: 'syntax/yaml', edits: one(orderYaml, (yaml) => `${yaml}\n---\n${yaml}`) },
  {
    description: 'yaml: UTF-16 with a byte-order mark',
    expected: 'workspace/read',
    edits: one(orderYaml, (yaml) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(yaml, 'utf16le')])),
  },
  {
    description: 'yaml: UTF-8 BOM, CRLF and tabs',
    expected: 'syntax/yaml',
    edits: one(orderYaml, (yaml) => `\uFEFF${yaml.replace(/\n/g, '\r\n').replace(/^ {2}/gm, '\t')}`),
  },
  {
    description: 'yaml: SMS recipient of 10 MB',
    expected: 'workspace/file-size',
    edits: one(orderYaml, (yaml) => replaceOnce(yaml, 'to: "{{ customer.phone }}"', `to: "${tenMegabytes}"`)),
  },
];

describe('crafted hostile inputs', () => {
  let workspace: HostileWorkspace;
  const originals = new Map<string, string>();
  const text: Text = (file) => originals.get(file) ?? '';

  beforeAll(async () => {
    workspace = await HostileWorkspace.create();
    for (const file of workspace.files) originals.set(file, (await workspace.original(file)).toString('utf8'));
  });
  afterAll(async () => {
    console.log(workspace.summary('crafted inputs'));
    await workspace.dispose();
  });

  it.each(crafted)('$description: $expected, no exception, hang, pollution or stray file', async (input) => {
    const outcome = await workspace.run(
      { description: input.description, edits: input.edits(text) },
      `npx vitest run test/hostile/crafted-inputs.test.ts -t "${input.description}"`,
    );
    const found = [...new Set(outcome.newDiagnostics.map((diagnostic) => diagnostic.ruleId))];
    if (input.expected === 'clean') {
      expect(found).toEqual([]);
      expect(outcome.renders).toBeGreaterThan(0);
    } else {
      // Any of the listed rules names the problem.
      expect(found.filter((ruleId) => ([input.expected].flat() as string[]).includes(ruleId))).not.toEqual([]);
    }
  });
});
