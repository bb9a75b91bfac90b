import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { registeredRules } from '../../src/validate/registry.js';
import { validateWorkingTree } from '../../src/validate/run-validation.js';
import { defectsProject, located, positionOf, repoRoot } from './helpers.js';

const templates = path.join(defectsProject, 'templates');
const file = (...parts: string[]) => path.join(templates, ...parts);
const at = (target: string, needle: string, severity: Diagnostic['severity'] = 'error', occurrence = 1) => ({ file: target, ...positionOf(target, needle, occurrence), severity });

let diagnostics: Diagnostic[];

beforeAll(async () => {
  diagnostics = await validateWorkingTree({ cwd: defectsProject, paths: [] });
});

describe('the defects fixture: one seeded defect per rule, each at its file, line and column', () => {
  it('attributes/undeclared: at each use, in body files and inline in message.yaml, in branches no sample takes, and for undeclared array fields', () => {
    expect(located(diagnostics, 'attributes/undeclared')).toEqual([
      at(file('_partials/footer.mjml'), 'customer.loyalty_id'),
      at(file('handlebars/email.html'), 'customer.nickname'),
      at(file('undeclared/email.html'), 'trigger.vip'),
      at(file('undeclared/email.html'), 'trigger.items.first.sku'),
      at(file('undeclared/message.yaml'), 'trigger.cupon'),
    ]);
    const inSubject = diagnostics.find((diagnostic) => diagnostic.ruleId === 'attributes/undeclared' && diagnostic.file.endsWith('message.yaml'))!;
    expect(inSubject.message).toContain('trigger.cupon');
    expect(inSubject.hint).toContain('trigger.coupon');
    // The range covers the path as written.
    expect(inSubject.endColumn! - inSubject.column).toBe('trigger.cupon'.length);
    const field = diagnostics.find((diagnostic) => diagnostic.message.includes('sku'))!;
    expect(field.message).toContain('trigger.items[].sku');
  });

  it('reads MJML partials as part of the message: a use in a partial is reported in the partial, naming the message', () => {
    const inPartial = diagnostics.find((diagnostic) => diagnostic.file === file('_partials/footer.mjml') && diagnostic.ruleId === 'attributes/undeclared')!;
    expect(inPartial.message).toBe('`customer.loyalty_id` is not declared in with-partial/message.yaml');
    // customer.account_url is read only by the partial: it is used.
    expect(diagnostics.filter((diagnostic) => diagnostic.message.includes('account_url'))).toEqual([]);
  });

  it('attributes/missing-in-sample: names the attribute, at its object in the sample (or at a null value)', () => {
    const sample = file('missing-in-sample/samples/no-name.json');
    expect(located(diagnostics, 'attributes/missing-in-sample')).toEqual([at(sample, '"customer"'), at(sample, 'null'), at(sample, '{ "title"')]);
    const messages = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'attributes/missing-in-sample').map((diagnostic) => diagnostic.message);
    expect(messages).toEqual(
      expect.arrayContaining([expect.stringContaining('customer.first_name'), expect.stringContaining('trigger.order_id'), expect.stringContaining('trigger.items[1].name')]),
    );
    // The optional trigger.note is absent from the sample too, and that is fine.
    expect(messages.some((message) => message.includes('note'))).toBe(false);
  });

  it('attributes/unused: a warning at the declaration in message.yaml', () => {
    expect(located(diagnostics, 'attributes/unused')).toEqual([at(file('unused/message.yaml'), 'legacy_code', 'warning')]);
  });

  it('attributes/type: at the value in the sample, array elements and their fields included; an epoch number is a date', () => {
    const sample = file('wrong-type/samples/standard.json');
    expect(located(diagnostics, 'attributes/type')).toEqual([
      at(sample, '"86.50"'),
      at(sample, '"tomorrow"'),
      at(sample, '"yes"'),
      at(sample, '"2"'),
      at(sample, '"mug"'),
    ]);
    const total = diagnostics.find((diagnostic) => diagnostic.ruleId === 'attributes/type' && diagnostic.message.includes('total'))!;
    expect(total.message).toMatch(/string.*number/);
  });

  it('syntax/liquid and syntax/handlebars: at the unclosed block', () => {
    expect(located(diagnostics, 'syntax/liquid')).toEqual([at(file('broken-liquid/email.html'), '{% if')]);
    expect(located(diagnostics, 'syntax/handlebars')).toEqual([at(file('broken-handlebars/email.html'), '{{#if')]);
  });

  it('syntax/yaml: a message.yaml the loader rejects is reported', () => {
    expect(located(diagnostics, 'syntax/yaml')).toEqual([at(file('broken-yaml/message.yaml'), 'name', 'error', 2)]);
  });

  it('customerio/handlebars-unsupported: at `engine:` of a Handlebars message that targets Customer.io', () => {
    expect(located(diagnostics, 'customerio/handlebars-unsupported')).toEqual([at(file('handlebars-customerio/message.yaml'), 'handlebars')]);
  });

  it('sfmc/unsupported-construct: a Liquid loop in an email published to SFMC', () => {
    expect(located(diagnostics, 'sfmc/unsupported-construct')).toEqual([at(file('sfmc-loop/email.html'), '{% for')]);
  });

  it('sms/max-segments: the SMS checks run through their provider', () => {
    expect(located(diagnostics, 'sms/max-segments')).toEqual([{ file: file('sms-too-long/sms.txt'), line: 1, column: 1, severity: 'error' }]);
  });

  it('config/schema: an unknown rule id in txkit.config.yaml, at its key, with a "did you mean"', () => {
    const config = path.join(defectsProject, 'txkit.config.yaml');
    expect(located(diagnostics, 'config/schema')).toEqual([at(config, 'sms/max-segment')]);
    expect(diagnostics.find((diagnostic) => diagnostic.ruleId === 'config/schema')!.hint).toBe('did you mean "sms/max-segments"?');
  });

  it('reports only rule ids the registry lists', () => {
    const ids = new Set(registeredRules().map((rule) => rule.id));
    expect(diagnostics.filter((diagnostic) => !ids.has(diagnostic.ruleId))).toEqual([]);
  });
});

describe('the example workspace', () => {
  it('has no problems from the template-analysis and SFMC export rules', async () => {
    const examples = await validateWorkingTree({ cwd: repoRoot, paths: ['templates'] });
    const ours = examples.filter((diagnostic) => /^(attributes\/(undeclared|missing-in-sample|type)|syntax\/|sfmc\/unsupported-construct)/.test(diagnostic.ruleId));
    expect(ours).toEqual([]);
  });
});
