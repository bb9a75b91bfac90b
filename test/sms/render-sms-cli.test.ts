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
    'templates/track/message.yaml': 'name: Track\nsms:\n  to: "+14155552671"\ntargets:\n  customerio:\n    sms: { transactionalMessageId: 7 }\n',
    // "Track: " 7 + 23 ("https://example.com/t/1") = 30 characters as written.
    'templates/track/sms.txt': 'Track: https://example.com/t/1',
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

  it('reports the count as written and as Customer.io sends it, each link a short link of 36 characters (docs.customer.io/journeys/sms-link-shortening)', async () => {
    const result = await runCli(['render', 'track', '--channel', 'sms', '--json'], { cwd: project.root });
    expect(result.code).toBe(0);
    // As sent: 7 + 36 = 43 characters.
    expect(JSON.parse(result.stdout)).toMatchObject({
      text: 'Track: https://example.com/t/1',
      characters: 30,
      segments: 1,
      asSent: { links: 1, linkRewrite: 'shortened', linkLength: 36, encoding: 'GSM-7', characters: 43, segments: 1 },
    });
    const text = await runCli(['render', 'track', '--channel', 'sms'], { cwd: project.root, env: { NO_COLOR: '1', FORCE_COLOR: undefined } });
    expect(text.stdout).toContain('GSM-7 · 30 chars · 1 segment · as Customer.io sends it: GSM-7 · 43 chars · 1 segment · to +14155552671');
  });

  it('counts a tracked link at trackedLinkLength when txkit.config.yaml says the workspace does not shorten', async () => {
    const tracked = await makeTempDir({
      'txkit.config.yaml': 'targets:\n  customerio:\n    sms: { linkShortening: false, trackedLinkLength: 150 }\n',
      'templates/track/message.yaml': 'name: Track\nsms:\n  to: "+14155552671"\ntargets:\n  customerio:\n    sms: { transactionalMessageId: 7 }\n',
      'templates/track/sms.txt': 'Track: https://example.com/t/1',
    });
    try {
      const result = await runCli(['render', 'track', '--channel', 'sms', '--json'], { cwd: tracked.root });
      // 7 + 150 = 157 characters: still one GSM-7 segment of 160.
      expect(JSON.parse(result.stdout)).toMatchObject({ characters: 30, asSent: { linkRewrite: 'tracked', linkLength: 150, characters: 157, segments: 1 } });
    } finally {
      await tracked.remove();
    }
  });

  it('has no as-sent count without a Customer.io SMS target', async () => {
    const result = await runCli(['render', 'pickup', '--channel', 'sms', '--json'], { cwd: project.root });
    expect(JSON.parse(result.stdout)).toMatchObject({ asSent: null });
  });
});
