import { afterEach, describe, expect, it } from 'vitest';
import { MjmlCache } from '../../src/email/index.js';
import { compileMessageEmail, hasEmail, type EmailMessage } from '../../src/email/render-email.js';
import { inProcessMjml, MjmlDeadlineError } from '../../src/email/mjml-runner.js';
import { createMjmlWorker, type MjmlWorker } from '../../src/email/mjml-worker.js';
import type { Message } from '../../src/workspace/index.js';
import { emailYaml, mjmlDocument, section, useEmailWorkspaces } from './email-workspace.js';

const loadEmail = useEmailWorkspaces();
const workers: MjmlWorker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.close()));
});

function workerWith(deadlineMs: number): MjmlWorker {
  const worker = createMjmlWorker({ deadlineMs });
  workers.push(worker);
  return worker;
}

function emailOf(message: Message): EmailMessage {
  if (!hasEmail(message)) throw new Error('no email');
  return message;
}

const small = mjmlDocument(section('<mj-text>Hi {{ customer.first_name }}</mj-text>'));
// About 0.8 MB of MJML (under the 1 MB template limit): seconds of mjml on any machine, far over a 100 ms deadline.
const huge = mjmlDocument(section('<mj-text>Hello {{ customer.first_name }}, lorem ipsum dolor sit amet</mj-text>\n').repeat(5_000));

describe('mjml in a worker the preview can stop', () => {
  it('compiles to the same HTML and validation errors as mjml in this thread', async () => {
    const invalid = mjmlDocument(section('<mj-text unknown-attribute="1">x</mj-text><mj-nope />'));
    const worker = workerWith(60_000);
    for (const mjml of [small, invalid]) expect(await worker.run(mjml)).toEqual(await inProcessMjml(mjml));
  });

  it('keeps the main thread free while mjml runs: a timer fires before the compile ends', async () => {
    const worker = workerWith(120_000);
    let compileEnded = false;
    const compile = worker.run(huge).finally(() => (compileEnded = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(compileEnded).toBe(false);
    const outcome = expect(compile).rejects.toThrow(/closed/);
    await worker.close();
    await outcome;
  });

  it('stops a compile past its deadline, and the next compile runs in a fresh worker', async () => {
    const worker = workerWith(100);
    await expect(worker.run(huge)).rejects.toBeInstanceOf(MjmlDeadlineError);
    // A fresh worker's first compile may be slow on a busy machine: this one gets a generous budget.
    const recovered = await worker.run(small, 120_000);
    expect(recovered.html).toContain('Hi {{ customer.first_name }}');
  });

  it('reports a stopped compile as render/limit at the body, and caches nothing for it', async () => {
    const { message } = await loadEmail({ 'message.yaml': emailYaml(), 'email.mjml': huge });
    const cache = new MjmlCache();
    const stopped = await compileMessageEmail(emailOf(message), { cache, mjml: workerWith(100).run });
    expect(stopped.html).toBe('');
    expect(stopped.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'render/limit',
        severity: 'error',
        file: emailOf(message).email.body.file,
        line: 1,
        column: 1,
        message: expect.stringMatching(/mjml took longer than 0\.1 s.*not compiled/),
      }),
    ]);
    // Not remembered as this template's outcome: the next compile runs mjml again instead of answering from the cache.
    const again = await compileMessageEmail(emailOf(message), { cache, mjml: workerWith(100).run });
    expect(again.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['render/limit']);
    expect(cache.stats).toMatchObject({ hits: 0, compiles: 2 });
  });
});
