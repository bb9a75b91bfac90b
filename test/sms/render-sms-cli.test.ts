import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import buildCli from '../helpers/build-cli.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';

let project: TempDir;

beforeAll(async () => {
  await buildCli();
  project = await makeTempDir({
    'templates/pickup/message.yaml': 'name: Pickup\nsms:\n  to: "{{ customer.phone }}"\n  smartEncoding: true\n',
    'templates/pickup/sms.txt': 'Hi {{ customer.first_name }}, it\u2019s ready \u2013 pick it up\u2026\n',
    'templates/pickup/samples/standard.json': '{ "customer": { "first_name": "\u0141ukasz", "phone": "+48512345678" } }',
  });
});

afterAll(() => project.remove());

describe('txkit render --channel sms', () => {
  it('prints the smart-encoded text with its encoding and segments', async () => {
    const result = await runCli(['render', 'pickup', '--channel', 'sms'], { cwd: project.root, env: { NO_COLOR: '1', FORCE_COLOR: undefined } });
    expect(result.code).toBe(0);
    // "Hi Lukasz, it's ready - pick it up...": 37 characters, all GSM-7 once the look-alikes are in.
    expect(result.stdout).toContain("Hi Lukasz, it's ready - pick it up...");
    expect(result.stdout).toContain('GSM-7 · 37 chars · 1 segment · to +48512345678');
  });

  it('includes encoding and segments in --json', async () => {
    const result = await runCli(['render', 'pickup', '--channel', 'sms', '--json'], { cwd: project.root });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      text: "Hi Lukasz, it's ready - pick it up...",
      encoding: 'GSM-7',
      characters: 37,
      segments: 1,
      ucs2Characters: [],
    });
  });
});
