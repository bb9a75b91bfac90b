import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateWorkingTree } from '../../src/validate/run-validation.js';
import { positionInFile } from '../helpers/text-position.js';
import { defectsProject, located } from './helpers.js';

const projects: string[] = [];

/** A project with some of the fixture's messages and the given txkit.config.yaml. */
async function project(config: string, messages: string[]): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'txkit-severities-'));
  projects.push(root);
  await writeFile(path.join(root, 'txkit.config.yaml'), config);
  for (const id of messages) await cp(path.join(defectsProject, 'templates', id), path.join(root, 'templates', id), { recursive: true });
  return root;
}

afterEach(async () => {
  await Promise.all(projects.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

describe('rule severities from txkit.config.yaml', () => {
  it('raises, lowers and turns off rules; unconfigured rules keep their own severity', async () => {
    const root = await project(['rules:', '  attributes/unused: error', '  sfmc/unsupported-construct: warning', '  attributes/type: off', ''].join('\n'), [
      'unused',
      'sfmc-loop',
      'wrong-type',
      'undeclared',
    ]);
    const diagnostics = await validateWorkingTree({ cwd: root, paths: [] });
    expect(located(diagnostics, 'attributes/unused').map((diagnostic) => diagnostic.severity)).toEqual(['error']);
    expect(located(diagnostics, 'sfmc/unsupported-construct').map((diagnostic) => diagnostic.severity)).toEqual(['warning']);
    expect(located(diagnostics, 'attributes/type')).toEqual([]);
    expect(located(diagnostics, 'attributes/undeclared').map((diagnostic) => diagnostic.severity)).toEqual(['error', 'error', 'error']);
  });

  it('reports unknown rule ids at their key, suggesting the closest known id, or listing none when nothing is close', async () => {
    const config = ['rules:', '  attributes/unusd: warning', '  totally-made-up: off', ''].join('\n');
    const root = await project(config, ['unused']);
    const diagnostics = await validateWorkingTree({ cwd: root, paths: [] });
    const configFile = path.join(root, 'txkit.config.yaml');
    expect(located(diagnostics, 'config/schema')).toEqual([
      { file: configFile, ...positionInFile(configFile, 'attributes/unusd'), severity: 'error' },
      { file: configFile, ...positionInFile(configFile, 'totally-made-up'), severity: 'error' },
    ]);
    const hints = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'config/schema').map((diagnostic) => diagnostic.hint);
    expect(hints).toEqual(['did you mean "attributes/unused"?', 'run `txkit rules` to list the rule ids']);
    // The misspelt entry configures nothing: attributes/unused keeps its default severity.
    expect(located(diagnostics, 'attributes/unused').map((diagnostic) => diagnostic.severity)).toEqual(['warning']);
  });
});
