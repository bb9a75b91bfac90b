import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/index.js';
import { useSandboxes } from '../helpers/sandboxes.js';
import { executePlan, type SyncConnection } from '../../src/sync/index.js';
import type { Workspace } from '../../src/workspace/index.js';
import {
  connect,
  copyExamples,
  editFile,
  exampleSeeds,
  exampleTargets,
  exampleTranslations,
  exampleYaml,
  examples,
  openWorkspace,
  push,
  sandboxEnv,
  type ExampleTarget,
  type ExampleTranslation,
} from './customerio-fixtures.js';

interface Project {
  sandbox: Sandbox;
  workspaceDir: string;
  workspace: Workspace;
  targets: ExampleTarget[];
  /** The translated channels, each published to its own language variant. */
  translations: ExampleTranslation[];
  /** One connection, as one txkit run has: its pacer keeps the test under the 10/s limit. */
  connection: SyncConnection;
}

// Every test has its own emulator and copy of the examples, so each passes alone and in any order.
// (Pacing below the 10/s limit is customerio-rate-limit.test.ts's subject: on a loaded machine
// paced requests can reach the emulator bunched, so "no 429 here" would depend on speed.)
const startSandbox = useSandboxes();

async function freshProject(): Promise<Project> {
  const sandbox = await startSandbox();
  sandbox.seed({ customerio: { messages: await exampleSeeds() } });
  const workspaceDir = await copyExamples();
  const workspace = await openWorkspace(workspaceDir);
  return {
    sandbox,
    workspaceDir,
    workspace,
    targets: await exampleTargets(),
    translations: await exampleTranslations(),
    connection: await connect(workspace, sandboxEnv(sandbox)),
  };
}

/** A fresh project whose examples were pushed once, without problems. */
async function publishedProject(): Promise<Project> {
  const project = await freshProject();
  const { plan, report } = await push(project.connection, project.workspace);
  // Only the notes on the WhatsApp template (whatsapp-push.test.ts): nothing that stops a push.
  expect(plan.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  expect(report.failed).toEqual([]);
  return project;
}

const contentOf = (sandbox: Sandbox, messageId: number) => sandbox.state.customerio.contents.get(messageId)![0]!;

describe('Customer.io push of the example workspace', () => {
  it('has email and SMS targets to publish', async () => {
    const targets = await exampleTargets();
    expect(targets.map((target) => target.channel)).toEqual(expect.arrayContaining(['email', 'sms']));
  });

  it('writes every channel to the content of its transactional message', async () => {
    const { sandbox, workspace, targets, translations, connection } = await freshProject();
    const content = (messageId: number) => contentOf(sandbox, messageId);
    const { plan, report } = await push(connection, workspace);
    expect(plan.diagnostics.map((diagnostic) => diagnostic.ruleId).sort()).toEqual(
      targets.some((target) => target.channel === 'whatsapp') ? ['customerio/whatsapp-reapproval', 'customerio/whatsapp-template-parts'] : [],
    );
    expect(plan.steps.map((step) => `${step.kind} ${step.key} ${step.action}`).sort()).toEqual(
      [
        ...targets.map(({ channel, transactionalId: id }) => `${channel}-content ${id}/content/${id * 10} update`),
        ...translations.map(({ channel, transactionalId: id, language }) => `${channel}-content ${id}/language/${language} update`),
      ].sort(),
    );
    expect(report.results.map((result) => result.status)).toEqual(plan.steps.map(() => 'done'));

    for (const { message, channel, transactionalId } of targets) {
      const yaml = await exampleYaml(message);
      const remote = content(transactionalId);
      if (channel === 'sms' || channel === 'whatsapp') {
        const body = await readFile(path.join(examples, message, yaml[channel].body), 'utf8');
        expect(remote).toMatchObject({ body: body.trimEnd(), recipient: yaml[channel].to });
        continue;
      }
      expect(remote).toMatchObject({ subject: yaml.email.subject, preheader_text: yaml.email.preheader ?? '', recipient: '{{customer.email}}' });
      const source = await readFile(path.join(examples, message, yaml.email.body), 'utf8');
      if (yaml.email.body.endsWith('.html')) expect(remote.body).toBe(source);
      else {
        // The compiled MJML, its Liquid intact for Customer.io to personalize at send time.
        expect(remote.body).toMatch(/^<!doctype html>/i);
        expect(remote.body).not.toContain('<mj-');
        for (const [tag] of source.matchAll(/\{\{[^}]*\}\}/g)) expect(remote.body).toContain(tag);
      }
      // What txkit does not manage survives the full overwrite.
      expect(remote).toMatchObject({ from_id: 7, reply_to_id: 8, body_amp: '<amp/>', headers: '[{"name":"X-Team","value":"growth"}]' });
    }
  });

  it('makes no write on a second push of unchanged templates', async () => {
    const { sandbox, workspace, targets, translations, connection } = await publishedProject();
    const before = sandbox.requests.length;
    const { plan, report } = await push(connection, workspace);
    expect(plan.steps.map((step) => step.action)).toEqual([...targets, ...translations].map(() => 'unchanged'));
    expect(report.results.every((result) => result.status === 'unchanged')).toBe(true);
    const requests = sandbox.requests.slice(before);
    // The message and its contents, per target, whatever its languages (a read refused with 429 on a loaded machine is retried, not counted).
    expect(requests.filter((request) => request.status !== 429).length).toBe(targets.length * 2);
    expect(requests.filter((request) => request.write)).toEqual([]);
  });

  it('treats a remote body that differs only by a trailing newline as unchanged', async () => {
    const { sandbox, workspace, targets, connection } = await publishedProject();
    const sms = targets.find((target) => target.channel === 'sms')!;
    const variants = sandbox.state.customerio.contents.get(sms.transactionalId)!;
    variants[0] = { ...variants[0]!, body: `${variants[0]!.body}\n` };
    const plan = await connection.plan(workspace.messages);
    expect(plan.steps.find((step) => step.key === `${sms.transactionalId}/content/${sms.transactionalId * 10}`)?.action).toBe('unchanged');
  });

  it('writes exactly one content when one subject changed', async () => {
    const { sandbox, workspaceDir, targets, connection } = await publishedProject();
    const content = (messageId: number) => contentOf(sandbox, messageId);
    const { message, transactionalId: id } = targets.find((target) => target.channel === 'email')!;
    const { email } = await exampleYaml(message);
    const bodyBefore = content(id).body;
    await editFile(path.join(workspaceDir, message, 'message.yaml'), (text) =>
      text.replace(`subject: ${JSON.stringify(email.subject)}`, 'subject: "Changed {{ customer.first_name }}"'),
    );
    const edited = await openWorkspace(workspaceDir);
    const before = sandbox.requests.length;
    const plan = await connection.plan(edited.messages);
    const updates = plan.steps.filter((step) => step.action === 'update');
    expect(updates.map((step) => [step.key, step.changes.map((change) => change.path)])).toEqual([[`${id}/content/${id * 10}`, ['subject']]]);
    await executePlan(plan);

    const writes = sandbox.requests.slice(before).filter((request) => request.write);
    expect(writes.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([`PUT /v1/transactional/${id}/content/${id * 10} 200`]);
    expect(writes[0]!.body).toMatchObject({ subject: 'Changed {{ customer.first_name }}', body: bodyBefore, from_id: 7, reply_to_id: 8 });
    expect(content(id).subject).toBe('Changed {{ customer.first_name }}');
  });

  it('does not publish a Handlebars message and says why, at `engine:` in its message.yaml', async () => {
    const { sandbox, workspaceDir, connection } = await freshProject();
    const dir = path.join(workspaceDir, 'handlebars-code');
    await mkdir(dir);
    const yaml = 'name: Code\nengine: handlebars\nsms:\n  to: "{{customer.phone}}"\ntargets:\n  customerio:\n    sms:\n      transactionalMessageId: 555\n';
    await writeFile(path.join(dir, 'message.yaml'), yaml);
    await writeFile(path.join(dir, 'sms.txt'), 'Your code is {{trigger.code}}\n');
    const withHandlebars = await openWorkspace(workspaceDir);
    const before = sandbox.requests.length;
    const plan = await connection.plan(withHandlebars.messages);

    expect(plan.steps.some((step) => step.messageId === 'handlebars-code')).toBe(false);
    expect(sandbox.requests.slice(before).some((request) => request.path.includes('/555'))).toBe(false);
    const lines = yaml.split('\n');
    const line = lines.findIndex((text) => text.startsWith('engine:')) + 1;
    expect(plan.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([
      expect.objectContaining({
        ruleId: 'customerio/handlebars-unsupported',
        severity: 'error',
        file: path.join(dir, 'message.yaml'),
        line,
        column: lines[line - 1]!.indexOf('handlebars') + 1,
      }),
    ]);
  });
});
