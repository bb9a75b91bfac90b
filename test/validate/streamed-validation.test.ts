import { cp } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { validate, validateSources, type MessageSource } from '../../src/validate/validate.js';
import { listMessageDirs, loadConfig, loadMessage, loadWorkspace } from '../../src/workspace/index.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { repoRoot } from './helpers.js';

const tempDir = useTempDirs();
const sorted = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => JSON.stringify(diagnostic)).sort();

/** The examples copied 5 times over (each copy its own folder): 20 messages, more than validate checks at once. */
async function manyMessages() {
  const dir = await tempDir();
  const examples = path.join(repoRoot, 'templates');
  await cp(path.join(examples, '_partials'), dir.path('templates/_partials'), { recursive: true });
  for (const messageDir of await listMessageDirs(examples))
    for (const copy of [1, 2, 3, 4, 5]) await cp(messageDir, dir.path(`templates/${path.basename(messageDir)}-${copy}`), { recursive: true });
  return (await loadConfig(dir.root)).config;
}

describe('validate of the CLI loads each message when it checks it, and lets it go once checked', () => {
  it('never holds more than 8 loaded messages not yet checked, and reports what validating the whole loaded workspace reports', async () => {
    const config = await manyMessages();
    const dirs = await listMessageDirs(config.workspace);
    expect(dirs.length).toBeGreaterThan(16);
    // Counted from the moment a load starts: how many at once then depends on validate alone, not on
    // whether a check waits for anything (in a process that compiled these emails before, the shared
    // MJML cache answers at once, so a message loaded can be checked before the next load ends).
    let held = 0;
    let mostHeld = 0;
    const messages: MessageSource[] = dirs.map((dir) => ({
      id: path.basename(dir),
      load: () => {
        mostHeld = Math.max(mostHeld, ++held);
        return loadMessage(dir, config);
      },
    }));
    const checked: string[] = [];
    const streamed = await validateSources({
      config,
      configDiagnostics: [],
      messages,
      onChecked: async (message) => {
        held--;
        checked.push(message.id);
      },
    });

    expect(checked.sort()).toEqual(dirs.map((dir) => path.basename(dir)).sort());
    expect(held).toBe(0);
    expect(mostHeld).toBeGreaterThan(1); // several at once: file reads overlap each other and the checks
    expect(mostHeld).toBeLessThanOrEqual(8);
    const whole = await validate({ config, configDiagnostics: [], workspace: await loadWorkspace(config) });
    expect(streamed.length).toBeGreaterThan(0);
    expect(sorted(streamed)).toEqual(sorted(whole));
  });
});
