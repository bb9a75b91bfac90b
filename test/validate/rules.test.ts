import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { customerioHandlebarsUnsupported, sfmcUnsupportedConstruct } from '../../src/platforms/rules/index.js';
import { syntaxHandlebars, syntaxLiquid } from '../../src/render/rules/index.js';
import { smsMaxSegments } from '../../src/sms/rules/index.js';
import { registeredRules } from '../../src/validate/registry.js';
import { attributesMissingInSample } from '../../src/validate/rules/attributes-missing-in-sample.js';
import { attributesType } from '../../src/validate/rules/attributes-type.js';
import { attributesUndeclared } from '../../src/validate/rules/attributes-undeclared.js';
import { attributesUnused } from '../../src/validate/rules/attributes-unused.js';
import { validateWorkingTree } from '../../src/validate/run-validation.js';
import { configSchema, syntaxYaml } from '../../src/workspace/rules/index.js';
import { testRule } from '../helpers/rule-tester.js';
import { defectsProject, repoRoot } from './helpers.js';

/** The defects fixture: one seeded defect per rule, each at its file, line and column. */
const project = defectsProject;

// At each use, in body files and inline in message.yaml, in branches no sample takes, and for undeclared array fields.
testRule(attributesUndeclared, {
  invalid: [
    {
      name: 'at each use; a use in a partial is reported in the partial, naming the message; the range covers the path as written',
      project,
      errors: [
        {
          file: 'templates/_partials/footer.mjml',
          at: 'customer.loyalty_id',
          message: /^`customer\.loyalty_id` is not declared in with-partial\/message\.yaml$/,
        },
        { file: 'templates/handlebars/email.html', at: 'customer.nickname' },
        { file: 'templates/undeclared/email.html', at: 'trigger.vip' },
        { file: 'templates/undeclared/email.html', at: 'trigger.items.first.sku', message: 'trigger.items[].sku' },
        { file: 'templates/undeclared/message.yaml', at: 'trigger.cupon', message: 'trigger.cupon', hint: 'trigger.coupon', length: 'trigger.cupon'.length },
      ],
    },
  ],
});

// Names the attribute, at its object in the sample (or at a null value); the optional trigger.note may be absent.
testRule(attributesMissingInSample, {
  invalid: [
    {
      name: 'a missing required attribute, a null one and a missing array field',
      project,
      errors: [
        { file: 'templates/missing-in-sample/samples/no-name.json', at: '"customer"', message: 'customer.first_name' },
        { file: 'templates/missing-in-sample/samples/no-name.json', at: 'null', message: 'trigger.order_id' },
        { file: 'templates/missing-in-sample/samples/no-name.json', at: '{ "title"', message: 'trigger.items[1].name' },
      ],
    },
  ],
});

testRule(attributesUnused, {
  invalid: [{ name: 'a warning at the declaration in message.yaml', project, errors: [{ file: 'templates/unused/message.yaml', at: 'legacy_code' }] }],
});

// At the value in the sample, array elements and their fields included; an epoch number is a date.
testRule(attributesType, {
  invalid: [
    {
      name: 'wrong types in a sample',
      project,
      errors: [
        { file: 'templates/wrong-type/samples/standard.json', at: '"86.50"', message: /total.*string.*number/ },
        { file: 'templates/wrong-type/samples/standard.json', at: '"tomorrow"' },
        { file: 'templates/wrong-type/samples/standard.json', at: '"yes"' },
        { file: 'templates/wrong-type/samples/standard.json', at: '"2"' },
        { file: 'templates/wrong-type/samples/standard.json', at: '"mug"' },
      ],
    },
  ],
});

testRule(syntaxLiquid, { invalid: [{ name: 'at the unclosed block', project, errors: [{ file: 'templates/broken-liquid/email.html', at: '{% if' }] }] });
/** A Handlebars email with a partial, published to SFMC. */
const handlebarsPartial = {
  'templates/hb/message.yaml':
    'name: HB\nengine: handlebars\nemail:\n  subject: "Hi"\n  from: "Shop <shop@example.com>"\n  body: email.html\ntargets:\n  sfmc:\n    customerKey: a\n    definitionKey: b\n    list: L\n',
  'templates/hb/email.html': '<!doctype html><html lang="en" dir="ltr"><body><p>Hi {{> footer}}</p></body></html>\n',
};

testRule(syntaxHandlebars, {
  invalid: [
    { name: 'at the unclosed block', project, errors: [{ file: 'templates/broken-handlebars/email.html', at: '{{#if' }] },
    { name: 'a partial, once', files: handlebarsPartial, errors: [{ file: 'templates/hb/email.html', at: '{{>', message: 'partials' }] },
  ],
});

testRule(syntaxYaml, {
  invalid: [
    {
      name: 'a message.yaml the loader rejects (a duplicate key)',
      project,
      errors: [{ file: 'templates/broken-yaml/message.yaml', at: 'name', occurrence: 2 }],
    },
  ],
});

testRule(customerioHandlebarsUnsupported, {
  invalid: [
    {
      name: 'at `engine:` of a Handlebars message that targets Customer.io',
      project,
      errors: [{ file: 'templates/handlebars-customerio/message.yaml', at: 'handlebars' }],
    },
  ],
});

testRule(sfmcUnsupportedConstruct, {
  invalid: [{ name: 'a Liquid loop in an email published to SFMC', project, errors: [{ file: 'templates/sfmc-loop/email.html', at: '{% for' }] }],
  // The partial is syntax/handlebars's to report (above), once.
  valid: [{ name: 'a Handlebars partial in an email published to SFMC', files: handlebarsPartial }],
});

testRule(smsMaxSegments, {
  invalid: [{ name: 'the SMS checks run through their provider', project, errors: [{ file: 'templates/sms-too-long/sms.txt', line: 1, column: 1 }] }],
});

testRule(configSchema, {
  invalid: [
    {
      name: 'an unknown rule id in txkit.config.yaml, at its key, with a "did you mean"',
      project,
      errors: [{ file: 'txkit.config.yaml', at: 'sms/max-segment', hint: /^did you mean "sms\/max-segments"\?$/ }],
    },
  ],
});

describe('the defects fixture', () => {
  let diagnostics: Diagnostic[];

  beforeAll(async () => {
    diagnostics = await validateWorkingTree({ cwd: defectsProject, paths: [] });
  });

  it('reads MJML partials as part of the message: customer.account_url, read only by the partial, is used', () => {
    expect(diagnostics.filter((diagnostic) => diagnostic.message.includes('account_url'))).toEqual([]);
  });

  it('reports only rule ids the registry lists', () => {
    const ids = new Set(registeredRules().map((rule) => rule.id));
    expect(diagnostics.filter((diagnostic) => !ids.has(diagnostic.ruleId))).toEqual([]);
  });
});

describe('the example workspace', () => {
  it('has no problems from the template-analysis and SFMC export rules', async () => {
    const examples = await validateWorkingTree({ cwd: repoRoot, paths: ['templates'] });
    const ours = examples.filter((diagnostic) =>
      /^(attributes\/(undeclared|missing-in-sample|type)|syntax\/|sfmc\/unsupported-construct)/.test(diagnostic.ruleId),
    );
    expect(ours).toEqual([]);
  });
});
