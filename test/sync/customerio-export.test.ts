import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { customerioTarget } from '../../src/sync/customerio/index.js';
import type { Workspace } from '../../src/workspace/index.js';
import { copyExamples, exampleTargets, exampleYaml, examples, openWorkspace, type ExampleTarget } from './customerio-fixtures.js';

describe('Customer.io export (what push would write, without credentials)', () => {
  let workspace: Workspace;
  let targets: ExampleTarget[];
  beforeAll(async () => {
    workspace = await openWorkspace(await copyExamples());
    targets = await exampleTargets();
  });

  it('gives the Liquid as written and the email compiled with its tags intact', async () => {
    for (const id of new Set(targets.map((target) => target.message))) {
      const message = workspace.messages.find((candidate) => candidate.id === id)!;
      const exported = await customerioTarget.exportMessage!(message, { workspaceRoot: workspace.root });
      const yaml = await exampleYaml(id);
      expect(exported.diagnostics).toEqual([]);
      const channels = targets.filter((target) => target.message === id).map((target) => target.channel);
      if (channels.includes('sms')) expect(exported.sms).toEqual({ text: (await readFile(path.join(examples, id, yaml.sms.body), 'utf8')).trimEnd() });
      else expect(exported.sms).toBeUndefined();
      if (channels.includes('whatsapp'))
        expect(exported.whatsapp).toEqual({ text: (await readFile(path.join(examples, id, yaml.whatsapp.body), 'utf8')).trimEnd() });
      else expect(exported.whatsapp).toBeUndefined();
      if (channels.includes('email')) {
        expect(exported.email).toMatchObject({ subject: yaml.email.subject, preheader: yaml.email.preheader ?? '', text: '' });
        expect(exported.email!.html).toMatch(/^<!doctype html>/i);
      } else expect(exported.email).toBeUndefined();
    }
  });
});
