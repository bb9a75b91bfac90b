import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { customerioHandlebarsUnsupported } from '../../src/platforms/rules/index.js';
import type { Workspace } from '../../src/workspace/index.js';
import { positionOf } from '../helpers/text-position.js';
import { emptyWorkspace, openWorkspace, writeMessage } from './customerio-fixtures.js';

const sms = 'sms:\n  to: "{{customer.phone}}"\n';
const customerio = 'targets:\n  customerio:\n    sms:\n      transactionalMessageId: 5\n';

describe('customerio/handlebars-unsupported', () => {
  let workspace: Workspace;
  const yaml = `name: Code\nengine: handlebars\n${sms}${customerio}`;

  beforeAll(async () => {
    const dir = await emptyWorkspace();
    await writeMessage(dir, 'handlebars-to-customerio', { 'message.yaml': yaml, 'sms.txt': 'Code {{trigger.code}}\n' });
    await writeMessage(dir, 'liquid-to-customerio', {
      'message.yaml': `name: Code\nengine: liquid\n${sms}${customerio}`,
      'sms.txt': 'Code {{trigger.code}}\n',
    });
    await writeMessage(dir, 'handlebars-elsewhere', { 'message.yaml': `name: Code\nengine: handlebars\n${sms}`, 'sms.txt': 'Code {{trigger.code}}\n' });
    workspace = await openWorkspace(dir);
  });

  const check = (id: string) => customerioHandlebarsUnsupported.check(workspace.messages.find((message) => message.id === id)!);

  it('reports a Handlebars message that targets Customer.io, at its engine', () => {
    expect(check('handlebars-to-customerio')).toEqual([
      {
        ruleId: 'customerio/handlebars-unsupported',
        severity: 'error',
        message: expect.stringContaining('Liquid only'),
        file: path.join(workspace.root, 'handlebars-to-customerio', 'message.yaml'),
        ...positionOf(yaml, 'handlebars'),
        hint: expect.any(String),
      },
    ]);
  });

  it('accepts Liquid for Customer.io and Handlebars for other platforms', () => {
    expect(check('liquid-to-customerio')).toEqual([]);
    expect(check('handlebars-elsewhere')).toEqual([]);
  });
});
