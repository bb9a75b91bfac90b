import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/workspace/index.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { positionOf } from '../helpers/text-position.js';

const project = useTempDirs();

describe('loadConfig (txkit.config.yaml)', () => {
  it('uses the defaults when there is no config file', async () => {
    const dir = await project({});
    const { config, diagnostics } = await loadConfig(dir.root);
    expect(diagnostics).toEqual([]);
    expect(config).toMatchObject({ projectRoot: dir.root, workspace: dir.path('templates'), defaultRegion: 'US', rules: {} });
    expect(config.configFile).toBeUndefined();
  });

  it('resolves the workspace and out folders relative to the config file, and reads the rules map', async () => {
    const yaml = 'workspace: messages\nout: build/txkit\ndefaultRegion: GB\nrules:\n  sms/max-segments: warning\n  email/alt-text: off\n';
    const dir = await project({ 'txkit.config.yaml': yaml });
    const { config, diagnostics } = await loadConfig(dir.root);
    expect(diagnostics).toEqual([]);
    expect(config.configFile).toBe(dir.path('txkit.config.yaml'));
    expect(config.workspace).toBe(dir.path('messages'));
    expect(config.out).toBe(path.join(dir.root, 'build', 'txkit'));
    expect(config.defaultRegion).toBe('GB');
    expect(config.rules).toEqual({ 'sms/max-segments': 'warning', 'email/alt-text': 'off' });
  });

  it('lets an explicit --workspace override the file, relative to the directory txkit runs in', async () => {
    const dir = await project({ 'txkit.config.yaml': 'workspace: messages\n' });
    const { config } = await loadConfig(dir.root, { workspace: 'other/place' });
    expect(config.workspace).toBe(dir.path('other/place'));
  });

  it('reports an unknown key at the key, with the keys that exist, and keeps the defaults', async () => {
    const yaml = 'workspace: messages\nworkspce: typo\n';
    const dir = await project({ 'txkit.config.yaml': yaml });
    const { config, diagnostics } = await loadConfig(dir.root);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      ruleId: 'config/schema',
      severity: 'error',
      file: dir.path('txkit.config.yaml'),
      message: 'unknown key `workspce`',
      line: 2,
      column: 1,
    });
    expect(diagnostics[0]?.hint?.split(/: |, /)).toEqual(expect.arrayContaining(['workspace', 'rules', 'defaultRegion', 'out']));
    expect(config.workspace).toBe(dir.path('templates'));
  });

  it('reports a rule severity that does not exist at the value', async () => {
    const yaml = 'rules:\n  sms/max-segments: fatal\n';
    const dir = await project({ 'txkit.config.yaml': yaml });
    const { diagnostics } = await loadConfig(dir.root);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'config/schema', ...positionOf(yaml, 'fatal') });
    expect(diagnostics[0]?.message).toContain('"error", "warning", "info", "off"');
  });

  it('reports broken YAML in the config file', async () => {
    const dir = await project({ 'txkit.config.yaml': 'workspace: messages\nworkspace: again\n' });
    const { diagnostics } = await loadConfig(dir.root);
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'syntax/yaml', line: 2, column: 1, message: 'duplicate key `workspace`' })]);
  });
});
