import path from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { readSfmcCredentials, checkSfmcExport, exportHandlebarsToSfmc, sfmcAttributesOf } from '../../src/sync/sfmc/index.js';
import { exportMessageToSfmc } from '../../src/platforms/sfmc/message-export.js';
import { isBroken, loadConfig, loadWorkspace, type Message } from '../../src/workspace/index.js';
import { useTempWorkspaces } from '../helpers/temp-workspace.js';
import { positionOf, type TextPosition } from '../helpers/text-position.js';
import { examples } from './sfmc-fixtures.js';

const file = '/workspace/templates/password-reset/email.html';
const exportGtl = (source: string, attributeMap?: Record<string, string>) =>
  exportHandlebarsToSfmc(source, { file, ...(attributeMap ? { attributeMap } : {}) });

function unsupportedAt({ line, column }: TextPosition, message: string) {
  return expect.objectContaining({ ruleId: 'sfmc/unsupported-construct', severity: 'error', file, line, column, message: expect.stringContaining(message) });
}

describe('Handlebars → SFMC Guide Template Language', () => {
  it('flattens customer and trigger paths to their SFMC attribute names and keeps everything else byte for byte', () => {
    const source =
      '<p>{{#if customer.first_name}}Hi {{ customer.first_name }},{{else}}Hello,{{/if}}</p>\n{{!-- a note --}}<a href="{{trigger.reset_url}}">{{{trigger.link_html}}}</a>{{#unless trigger.request_ip}}.{{/unless}}';
    expect(exportGtl(source)).toEqual({
      output:
        '<p>{{#if first_name}}Hi {{ first_name }},{{else}}Hello,{{/if}}</p>\n{{!-- a note --}}<a href="{{reset_url}}">{{{link_html}}}</a>{{#unless request_ip}}.{{/unless}}',
      diagnostics: [],
    });
  });

  it('uses attributeMap names, as segment literals when they are not identifiers', () => {
    expect(exportGtl('{{customer.first_name}} {{trigger.address.city}}', { 'customer.first_name': 'First Name', 'trigger.address.city': 'City' })).toEqual({
      output: '{{[First Name]}} {{City}}',
      diagnostics: [],
    });
  });

  it('renders like the original template once the sample is flattened the way a send flattens it', async () => {
    const workspace = await loadWorkspace((await loadConfig(`${examples}/..`)).config);
    const message = workspace.messages.find((candidate) => candidate.id === 'password-reset')!;
    const hb = Handlebars.create();
    const source = message.email!.body.text;
    const exported = exportGtl(source);
    expect(exported.diagnostics).toEqual([]);
    expect(message.samples.length).toBeGreaterThan(1);
    for (const sample of message.samples) {
      const original = hb.compile(source)(sample.data);
      expect(hb.compile(exported.output)(sfmcAttributesOf(sample.data, {}, message.definition.attributes))).toBe(original);
    }
  });

  it('reports each construct with no faithful GTL form where it is, and leaves it as written', () => {
    const source = [
      '{{#each trigger.items}}{{name}}{{/each}}',
      '{{#with customer}}{{first_name}}{{/with}}',
      '{{#if trigger.a}}A{{else if trigger.b}}B{{/if}}',
      '{{lookup trigger.names 0}} {{> footer}}',
      '{{@root.customer.first_name}} {{greeting}} {{trigger.address.city}}',
      'Save 50%% now',
    ].join('\n');
    const result = exportGtl(source);
    const at = (marker: string) => positionOf(source, marker);
    expect(result.diagnostics).toEqual([
      unsupportedAt(at('{{#each'), '`each`'),
      unsupportedAt(at('{{#with'), '`with`'),
      unsupportedAt(at('{{else if'), '{{else if}}'),
      unsupportedAt(at('{{lookup'), '`lookup`'),
      unsupportedAt(at('{{> footer'), 'partial'),
      unsupportedAt(at('@root'), '@root.customer.first_name is not a customer or trigger attribute'),
      unsupportedAt(at('greeting'), 'greeting is not a customer or trigger attribute'),
      unsupportedAt(at('trigger.address.city'), 'trigger.address.city is a nested path'),
      unsupportedAt(at('%%'), '%%'),
    ]);
    expect(result.output.split('\n').slice(0, 2)).toEqual(['{{#each trigger.items}}{{name}}{{/each}}', '{{#with customer}}{{first_name}}{{/with}}']);
    // The if block itself translates; only its `else if` branch is reported.
    expect(result.output).toContain('{{#if a}}A{{else if trigger.b}}B{{/if}}');
  });

  it('warns when two paths read one SFMC attribute', () => {
    const source = '{{customer.email}} {{trigger.email}}';
    expect(exportGtl(source).diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        ...positionOf(source, 'trigger.email'),
        message: expect.stringContaining('trigger.email and customer.email'),
      }),
    ]);
  });

  it('reports a template Handlebars cannot parse as a syntax error and exports nothing', () => {
    expect(exportGtl('{{#if trigger.a}}never closed')).toEqual({
      output: '{{#if trigger.a}}never closed',
      diagnostics: [expect.objectContaining({ ruleId: 'syntax/handlebars', severity: 'error', file, line: 1, column: 1 })],
    });
  });
});

describe('SFMC attributes of a sample', () => {
  // Issue 14 fix 6: SFMC refuses a send attribute the account has no field for (109122
  // UnknownFieldName, shared/docs/platform-api.md "Sends"), so only declared fields are sent.
  it('sends only the attributes message.yaml declares', () => {
    const data = { customer: { first_name: 'Zoë', internal_score: 7, address: { city: 'Lyon' } }, trigger: { order_id: 'NW-1', debug: 'x' } };
    const declared = { customer: { first_name: {} }, trigger: { order_id: {} } };
    expect(sfmcAttributesOf(data, { 'customer.address.city': 'City' }, declared)).toEqual({ first_name: 'Zoë', order_id: 'NW-1' });
  });

  it('flattens top-level values to strings under their SFMC names, mapped nested ones too, and sends false as empty', () => {
    const data = {
      customer: { first_name: 'Zoë', vip: false, tags: ['a'], address: { city: 'Lyon' } },
      trigger: { total: 86.5, gift: true, note: null, order_id: 'NW-1' },
    };
    const declared = {
      customer: { first_name: {}, vip: {}, tags: {}, address: {} },
      trigger: { total: {}, gift: {}, note: {}, order_id: {} },
    };
    expect(sfmcAttributesOf(data, { 'customer.first_name': 'FirstName', 'customer.address.city': 'City' }, declared)).toEqual({
      FirstName: 'Zoë',
      vip: '',
      City: 'Lyon',
      total: '86.5',
      gift: 'true',
      note: '',
      order_id: 'NW-1',
    });
  });
});

describe('checkSfmcExport', () => {
  const workspaces = useTempWorkspaces();
  const load = async (files: Record<string, string>) => {
    const { result } = await workspaces.loadMessage(files);
    if (isBroken(result)) throw new Error(JSON.stringify(result.diagnostics));
    return result;
  };

  it('finds nothing in the example workspace', async () => {
    const workspace = await loadWorkspace((await loadConfig(`${examples}/..`)).config);
    expect(workspace.messages.length).toBe(4);
    for (const message of workspace.messages) expect({ id: message.id, diagnostics: checkSfmcExport(message) }).toEqual({ id: message.id, diagnostics: [] });
  });

  it('checks only the channels the message publishes to SFMC', async () => {
    const files = {
      'message.yaml':
        'name: Order\nemail:\n  subject: "Order {{ trigger.id }}"\n  from: "Shop <a@example.com>"\n  body: email.html\nsms:\n  to: "{{ customer.phone }}"\ntargets:\n  sfmc:\n    sms: { definitionKey: order-sms, shortCode: "88000", keyword: ORDER }\n',
      'email.html': '{% for item in trigger.items %}{{ item.name }}{% endfor %}',
      'sms.txt': 'Order {{ trigger.id }} is {{ trigger.total | money }}',
    };
    const message = await load(files);
    expect(checkSfmcExport(message)).toEqual([
      expect.objectContaining({
        ruleId: 'sfmc/unsupported-construct',
        file: message.sms!.body.file,
        ...positionOf(files['sms.txt'], 'money'),
        message: expect.stringContaining('`money`'),
      }),
    ]);
  });

  it('places problems of a subject written in message.yaml in message.yaml', async () => {
    const yaml =
      'name: Order\nemail:\n  subject: "Order {{ trigger.id | capitalize }}"\n  from: "Shop <a@example.com>"\n  body: email.html\ntargets:\n  sfmc: { definitionKey: order, customerKey: order-email, list: All Subscribers }\n';
    const message: Message = await load({ 'message.yaml': yaml, 'email.html': '<p>Hi</p>' });
    expect(checkSfmcExport(message)).toEqual([
      expect.objectContaining({ ruleId: 'sfmc/unsupported-construct', file: message.file, ...positionOf(yaml, 'capitalize') }),
    ]);
  });

  it('reports an email target that names only one of its two keys, and an SMS target without an SMS', async () => {
    const yaml =
      'name: Order\nemail:\n  subject: Hi\n  from: "Shop <a@example.com>"\n  body: email.html\ntargets:\n  sfmc:\n    definitionKey: order\n    sms: { definitionKey: order-sms, shortCode: "88000", keyword: ORDER }\n';
    const message = await load({ 'message.yaml': yaml, 'email.html': '<p>Hi</p>' });
    expect(checkSfmcExport(message)).toEqual([
      expect.objectContaining({
        ruleId: 'schema/message',
        file: message.file,
        ...positionOf(yaml, 'definitionKey: order'),
        message: expect.stringContaining('customerKey'),
      }),
      expect.objectContaining({ ruleId: 'schema/message', file: message.file, ...positionOf(yaml, 'sms: {'), message: expect.stringContaining('has no sms') }),
    ]);
  });
});

describe('exportMessageToSfmc: the published views', () => {
  const workspaces = useTempWorkspaces();
  const yaml = (attributes: string) =>
    `name: Order\nemail:\n  subject: "Order {{ trigger.order_id }}"\n  from: "Shop <a@example.com>"\n  body: email.html\n${attributes}targets:\n  sfmc: { definitionKey: order, customerKey: order-email, list: All Subscribers }\n`;
  const exported = async (files: Record<string, string>) => {
    const { project, result } = await workspaces.loadMessage(files);
    if (isBroken(result)) throw new Error(JSON.stringify(result.diagnostics));
    const { email, diagnostics } = await exportMessageToSfmc(result, { workspaceRoot: path.join(project.root, 'templates') });
    expect(diagnostics).toEqual([]);
    return email!;
  };

  // Issue 14 fix 5: the text view generated from the HTML decodes entities (the preview shows
  // `Hi Ada <b>` for first_name "Ada <b>"), so HTMLEncode there would print `Hi Ada &lt;b&gt;`.
  it('generates the text view without the HTML escaping the HTML view has', async () => {
    const email = await exported({ 'message.yaml': yaml(''), 'email.html': '<p>Hi {{ customer.first_name | escape }}</p>' });
    expect(email.html).toContain('%%=HTMLEncode(@first_name)=%%');
    expect(email.text).not.toContain('HTMLEncode');
    expect(email.text).toContain('Hi %%=v(@first_name)=%%');
  });

  // Issue 14 fix 3: only fields message.yaml marks `profile: true` become %%name%%; SFMC refuses
  // a definition whose personalization string names no profile or data-extension field (109124).
  it('writes %%name%% only for customer attributes message.yaml marks as profile attributes', async () => {
    const attributes = 'attributes:\n  customer:\n    first_name: { type: string, profile: true }\n    tier: { type: string }\n';
    const email = await exported({ 'message.yaml': yaml(attributes), 'email.html': '<p>Hi {{ customer.first_name }} ({{ customer.tier }})</p>' });
    expect(email.html).toContain('Hi %%first_name%% (%%=v(@tier)=%%)');
    expect(email.html).toContain('%%[ SET @tier = AttributeValue("tier") ]%%');
    expect(email.subject).toBe('%%[ SET @order_id = AttributeValue("order_id") ]%%Order %%=v(@order_id)=%%');
  });
});

describe('SFMC credentials', () => {
  const valid = { SFMC_CLIENT_ID: 'id', SFMC_CLIENT_SECRET: 'secret', SFMC_AUTH_BASE_URL: 'https://mc0a1b2c3d4e5f6.auth.marketingcloudapis.com/' };

  it('names every missing variable', () => {
    expect(() => readSfmcCredentials({ SFMC_CLIENT_ID: 'id' })).toThrow(/SFMC_CLIENT_SECRET, SFMC_AUTH_BASE_URL/);
    expect(() => readSfmcCredentials({ ...valid, SFMC_CLIENT_SECRET: '  ' })).toThrow(/missing SFMC_CLIENT_SECRET:/);
  });

  it('accepts a tenant over https and the local sandbox over http, nothing else', () => {
    expect(readSfmcCredentials({ ...valid, SFMC_ACCOUNT_ID: '5100' })).toEqual({
      clientId: 'id',
      clientSecret: 'secret',
      authBaseUrl: valid.SFMC_AUTH_BASE_URL,
      accountId: '5100',
    });
    expect(readSfmcCredentials({ ...valid, SFMC_AUTH_BASE_URL: 'http://127.0.0.1:4010' }).authBaseUrl).toBe('http://127.0.0.1:4010/');
    expect(readSfmcCredentials({ ...valid, SFMC_AUTH_BASE_URL: 'http://localhost:4010/' }).authBaseUrl).toBe('http://localhost:4010/');
    for (const url of [
      'http://mc0a.auth.marketingcloudapis.com/',
      'http://10.0.0.5:4010/',
      'https://example.com/',
      'https://auth.marketingcloudapis.com.evil.example/',
      'not a url',
    ]) {
      expect(() => readSfmcCredentials({ ...valid, SFMC_AUTH_BASE_URL: url })).toThrow(/SFMC_AUTH_BASE_URL must be/);
    }
  });
});
