import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import {
  connect,
  copyExamples,
  emptyWorkspace,
  exampleSeeds,
  exampleTargets,
  exampleTranslations,
  fastRetry,
  openWorkspace,
  push,
  sandboxEnv,
  writeMessage,
} from './customerio-fixtures.js';

describe('Customer.io rate limits', () => {
  let sandbox: Sandbox | undefined;
  afterEach(() => sandbox?.close());

  it('waits out a 429 (Retry-After) and completes the push', async () => {
    sandbox = await startSandbox({ rateLimits: { retryAfterSeconds: 1 }, faults: { rateLimitEvery: 3, platform: 'customerio' } });
    sandbox.seed({ customerio: { messages: await exampleSeeds() } });
    const workspace = await openWorkspace(await copyExamples());
    const { plan, report } = await push(await connect(workspace, sandboxEnv(sandbox)), workspace);

    expect(plan.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    // One step per target and translated language.
    expect(report.results.map((result) => result.status)).toEqual([...(await exampleTargets()), ...(await exampleTranslations())].map(() => 'done'));
    const limited = sandbox.requests.filter((request) => request.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    // Every refused request was made again, and then answered.
    for (const refused of limited) {
      const later = sandbox.requests.slice(sandbox.requests.indexOf(refused) + 1);
      expect(later.some((request) => request.method === refused.method && request.path === refused.path && request.status === 200)).toBe(true);
    }
  });

  it('reports the target whose requests stay refused, and plans the others', async () => {
    sandbox = await startSandbox({ rateLimits: { retryAfterSeconds: 0 } });
    sandbox.seed({ customerio: { messages: await exampleSeeds() } });
    const workspace = await openWorkspace(await copyExamples());
    const connection = await connect(workspace, sandboxEnv(sandbox), { retry: { ...fastRetry, maxRetries: 1 } });
    sandbox.setFaults({ rateLimitEvery: 1, platform: 'customerio' });
    const plan = await connection.plan(workspace.messages);
    expect(plan.steps).toEqual([]);
    expect(plan.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual((await exampleTargets()).map(() => 'customerio/api-error'));
    expect(plan.diagnostics[0]!.message).toContain('429');
  });

  it('paces a push of many messages under the App API limit of 10 requests a second', async () => {
    const count = 12;
    sandbox = await startSandbox(); // Customer.io's documented 10/s, enforced
    const workspaceDir = await emptyWorkspace();
    const messages = [];
    for (let index = 1; index <= count; index++) {
      const id = `code-${index}`;
      await writeMessage(workspaceDir, id, {
        'message.yaml': `name: Code ${index}\nsms:\n  to: "{{customer.phone}}"\ntargets:\n  customerio:\n    sms:\n      transactionalMessageId: ${index}\n`,
        'sms.txt': `Code ${index}: {{trigger.code}}\n`,
      });
      messages.push({ id: index, name: `Code ${index}`, contents: [{ id: 100 + index, type: 'twilio' as const, body: 'old' }] });
    }
    sandbox.seed({ customerio: { messages } });
    const workspace = await openWorkspace(workspaceDir);
    const { report } = await push(await connect(workspace, sandboxEnv(sandbox), {}), workspace);

    expect(report.results.map((result) => result.status)).toEqual(Array(count).fill('done'));
    expect(sandbox.requests.length).toBe(count * 3); // message, contents, PUT: well over the limit of one second
    expect(sandbox.requests.filter((request) => request.status === 429)).toEqual([]);
  });
});
