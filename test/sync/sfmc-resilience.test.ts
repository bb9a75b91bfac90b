import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type FaultSettings, type Sandbox } from '../../src/sandbox/index.js';
import { executePlan } from '../../src/sync/index.js';
import type { Workspace } from '../../src/workspace/index.js';
import { connect, copyExamples, editFile, fastTarget, openWorkspace, push, remoteContent, removeProjects, writesSince } from './sfmc-fixtures.js';

// Read-only after beforeAll: a test that edits files works on its own copy.
let workspace: Workspace;
/** The remote content a push of the examples leaves in a sandbox without faults. */
let reference: ReturnType<typeof remoteContent>;
const sandboxes: Sandbox[] = [];

/** A sandbox whose 429s ask for no wait: the client honours Retry-After either way. */
async function sandboxWith(faults: FaultSettings = {}): Promise<Sandbox> {
  const sandbox = await startSandbox({ faults, rateLimits: { retryAfterSeconds: 0 } });
  sandboxes.push(sandbox);
  return sandbox;
}

beforeAll(async () => {
  workspace = await openWorkspace(await copyExamples());
  const clean = await sandboxWith();
  const { report } = await push(await connect(workspace, clean), workspace);
  expect(report.failed).toEqual([]);
  reference = remoteContent(clean);
  expect(Object.keys(reference.assets).length + Object.keys(reference.email).length + Object.keys(reference.sms).length).toBeGreaterThan(0);
});
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((sandbox) => sandbox.close()));
});
afterAll(removeProjects);

describe('SFMC push under faults converges to the same remote state', () => {
  it.each([
    ['every 3rd request answered 429 with Retry-After', { rateLimitEvery: 3 }, 'rate-limit'],
    ['every 3rd request answered 500', { serverErrorEvery: 3 }, 'server-error'],
    ['every 3rd connection reset without an answer', { resetConnectionEvery: 3 }, 'connection-reset'],
  ] as const)('%s', async (_name, faults, fault) => {
    const sandbox = await sandboxWith(faults);
    const { plan, report } = await push(await connect(workspace, sandbox), workspace);
    expect(plan.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(report.failed).toEqual([]);
    expect(sandbox.requests.some((request) => request.fault === fault)).toBe(true);
    expect(remoteContent(sandbox)).toEqual(reference);
  });

  it('a push cut short by dropped connections reports what was not published, and a re-run converges without duplicates', async () => {
    const sandbox = await sandboxWith({ resetConnectionEvery: 2 });
    // No retries at all, so the dropped connections fail steps instead of being absorbed.
    const fragile = await connect(workspace, sandbox, {
      target: { ...fastTarget, retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 } },
    });
    const first = await push(fragile, workspace);
    const notPublished = new Set([...first.report.failed, ...first.plan.diagnostics.map((diagnostic) => path.basename(path.dirname(diagnostic.file)))]);
    expect(notPublished.size).toBeGreaterThan(0);
    expect(remoteContent(sandbox)).not.toEqual(reference);

    sandbox.setFaults({});
    const second = await push(await connect(workspace, sandbox), workspace);
    expect(second.report.failed).toEqual([]);
    expect(second.plan.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(remoteContent(sandbox)).toEqual(reference);
    // One asset per customerKey: the content dictionary above would hide a second copy.
    expect(sandbox.state.sfmc.assets.size).toBe(Object.keys(reference.assets).length);
  });

  it('a create SFMC applied before its answer was lost is read back and brought up to date, not duplicated', async () => {
    const sandbox = await sandboxWith();
    const connection = await connect(workspace, sandbox);
    const plan = await connection.plan(workspace.messages);
    expect(plan.steps.every((step) => step.action === 'create')).toBe(true);
    // What an earlier attempt left: the objects exist, with other content, when the creates arrive.
    sandbox.seed({
      sfmc: {
        assets: [
          {
            name: 'Password reset',
            customerKey: 'txkit-password-reset',
            assetType: { name: 'htmlemail', id: 208 },
            views: { html: { content: '<p>old</p>' } },
          },
        ],
        smsDefinitions: [
          {
            definitionKey: 'order-confirmation-sms',
            name: 'Order confirmation',
            content: { message: 'old' },
            subscriptions: { shortCode: '88000', keyword: 'ORDERS' },
          },
        ],
      },
    });
    const from = sandbox.requests.length;
    const report = await executePlan(plan);
    expect(report.failed).toEqual([]);

    const log = sandbox.requests.slice(from).map((request) => `${request.method} ${request.path} ${request.status}`);
    expect(log).toContain('POST /messaging/v1/sms/definitions 409');
    expect(log).toContain('PATCH /messaging/v1/sms/definitions/order-confirmation-sms 200');
    expect(log).toContain('POST /asset/v1/content/assets 400');
    expect(log.filter((line) => line.startsWith('PATCH /asset/v1/content/assets/'))).toHaveLength(1);
    expect(remoteContent(sandbox)).toEqual(reference);
    expect(sandbox.state.sfmc.assets.size).toBe(Object.keys(reference.assets).length);
  });
});

describe('SFMC error bodies', () => {
  it('become diagnostics on the setting they name; the other messages are published and a fixed re-run converges', async () => {
    // Its own copy of the examples: the edit below must not reach the workspace the other tests push.
    const ownRoot = await copyExamples();
    const file = path.join(ownRoot, 'templates', 'order-confirmation', 'message.yaml');
    await editFile(file, (text) => text.replace('keyword: ORDERS', 'keyword: ORDERS!'));
    const broken = await openWorkspace(ownRoot);
    const sandbox = await sandboxWith();
    const connection = await connect(broken, sandbox);
    const { plan, report } = await push(connection, broken);

    expect(report.failed).toEqual(['order-confirmation']);
    expect(report.published.sort()).toEqual(['password-reset', 'shipping-update']);
    const failed = report.results.find((result) => result.status === 'failed')!;
    expect(failed.step.kind).toBe('sms-definition');
    const yaml = await readFile(file, 'utf8');
    const keywordLine = yaml.split('\n').findIndex((line) => line.includes('keyword: ORDERS!')) + 1;
    expect(failed.step.explain!(failed.error!)).toEqual([
      expect.objectContaining({
        ruleId: 'sfmc/platform-error',
        severity: 'error',
        file,
        line: keywordLine,
        column: yaml.split('\n')[keywordLine - 1]!.indexOf('keyword') + 1,
        message: expect.stringMatching(/order-confirmation-sms.*InvalidValue_keyword.*109115/),
      }),
    ]);
    // Its SMS definition and its French one (sms.fr.txt), both refused.
    expect(plan.steps.filter((step) => step.messageId === 'order-confirmation')).toHaveLength(2);

    await editFile(file, (text) => text.replace('keyword: ORDERS!', 'keyword: ORDERS'));
    const fixed = await openWorkspace(ownRoot);
    const from = sandbox.requests.length;
    const rerun = await push(connection, fixed);
    expect(rerun.report.failed).toEqual([]);
    expect(writesSince(sandbox, from).map((write) => `${write.method} ${write.path}`)).toEqual([
      'POST /messaging/v1/sms/definitions',
      'POST /messaging/v1/sms/definitions',
    ]);
    expect(remoteContent(sandbox)).toEqual(reference);
  });
});
