import { describe, expect, it } from 'vitest';
import { isBroken, loadConfig } from '../../src/workspace/index.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { useTempWorkspaces } from '../helpers/temp-workspace.js';

const workspaces = useTempWorkspaces();
const makeTempDir = useTempDirs();

const message = (events: string) =>
  `name: Reset\nsms:\n  to: "+14155552671"\ntargets:\n  sfmc:\n    sms: { definitionKey: reset-sms, shortCode: "88000", keyword: RESET }\n    events:\n${events}`;

describe('targets.sfmc.events in message.yaml', () => {
  it('loads a callback URL with SMS event types', async () => {
    const { result } = await workspaces.loadMessage({
      'message.yaml': message('      url: https://hooks.example.com/sfmc\n      events: [SmsSent, SmsDelivered]\n'),
      'sms.txt': 'Hi',
    });
    if (isBroken(result)) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.definition.targets.sfmc?.events).toEqual({ url: 'https://hooks.example.com/sfmc', events: ['SmsSent', 'SmsDelivered'] });
  });

  it('reports an unknown event type and a URL that is not http(s) at file:line:col', async () => {
    const { result } = await workspaces.loadMessage({
      'message.yaml': message('      url: ftp://hooks.example.com/sfmc\n      events: [SmsSent, SmsOpened]\n'),
      'sms.txt': 'Hi',
    });
    if (!isBroken(result)) throw new Error('expected diagnostics');
    const located = result.diagnostics.map(({ ruleId, line, column, message: text }) => ({ ruleId, line, column, text }));
    expect(located).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleId: 'schema/message', line: 8, column: 12, text: expect.stringContaining('http(s) URL') }),
        expect.objectContaining({ ruleId: 'schema/message', line: 9, column: 25, text: expect.stringContaining('got string "SmsOpened"') }),
      ]),
    );
  });
});

describe('targets.customerio.reportingWebhook in txkit.config.yaml', () => {
  it('reads url and metrics, and reports an unknown metric at its position', async () => {
    const good = await makeTempDir({
      'txkit.config.yaml': 'targets:\n  customerio:\n    reportingWebhook:\n      url: https://hooks.example.com/cio\n      events: [sent, delivered]\n',
    });
    const { config, diagnostics } = await loadConfig(good.root);
    expect(diagnostics).toEqual([]);
    expect(config.targets.customerio?.reportingWebhook).toEqual({ url: 'https://hooks.example.com/cio', events: ['sent', 'delivered'] });

    const bad = await makeTempDir({
      'txkit.config.yaml':
        'targets:\n  customerio:\n    reportingWebhook:\n      url: https://hooks.example.com/cio\n      events: [sent, opened]\n      signingKey: abc\n',
    });
    const problems = (await loadConfig(bad.root)).diagnostics.map(({ line, column, message: text }) => ({ line, column, text }));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 5, column: 22 }),
        expect.objectContaining({ line: 6, column: 7, text: expect.stringContaining('signingKey') }),
      ]),
    );
  });
});
