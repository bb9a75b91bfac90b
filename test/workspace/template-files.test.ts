import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBroken, type BrokenMessage, type Message } from '../../src/workspace/index.js';
import { positionOf } from '../helpers/text-position.js';
import { useTempWorkspaces } from '../helpers/temp-workspace.js';

const workspaces = useTempWorkspaces();

const secret = 'SECRET-CONTENT-d41d8cd98f00';

function expectLoaded(result: Message | BrokenMessage): Message {
  if (isBroken(result)) throw new Error(`message.yaml did not load: ${JSON.stringify(result.diagnostics)}`);
  return result;
}

describe('body files named in message.yaml', () => {
  it('reports a missing body file at its name in message.yaml; the message still loads', async () => {
    const yaml = 'name: Missing body\nsms:\n  body: welcome.txt\n  to: "+14155552671"\n';
    const message = expectLoaded((await workspaces.loadMessage({ 'message.yaml': yaml })).result);
    expect(message.sms).toBeUndefined();
    expect(message.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'workspace/missing-file', severity: 'error', file: message.file, ...positionOf(yaml, 'welcome.txt') }),
    ]);
    expect(message.diagnostics[0]?.message).toContain('welcome.txt');
    // Named from the workspace, whatever folder the process runs in.
    expect(message.diagnostics[0]?.hint).toBe(`create ${path.join(message.id, 'welcome.txt')} in the workspace or fix the file name`);
  });

  it('reports a missing default body (sms.txt) at the `sms:` key', async () => {
    const message = expectLoaded((await workspaces.loadMessage({ 'message.yaml': 'name: Default body\nsms:\n  to: "+14155552671"\n' })).result);
    expect(message.diagnostics).toEqual([expect.objectContaining({ ruleId: 'workspace/missing-file', line: 2, column: 1 })]);
    expect(message.diagnostics[0]?.message).toContain('sms.txt');
  });

  it('loads a body file that starts with a byte-order mark without the mark', async () => {
    const message = expectLoaded(
      (await workspaces.loadMessage({ 'message.yaml': 'name: BOM\nsms:\n  to: "+14155552671"\n', 'sms.txt': '\uFEFFHello' })).result,
    );
    expect(message.diagnostics).toEqual([]);
    expect(message.sms?.body.text).toBe('Hello');
  });

  it('drops Windows line endings from an SMS body while offsets still map to the right line and column', async () => {
    const message = expectLoaded(
      (await workspaces.loadMessage({ 'message.yaml': 'name: CRLF\nsms:\n  to: "+14155552671"\n', 'sms.txt': 'Line one\r\nLine two\r\nThird: here\r\n' }))
        .result,
    );
    const body = message.sms!.body;
    expect(body.text).toBe('Line one\nLine two\nThird: here');
    // "here" starts at line 3, column 8 of the file as saved.
    expect(body.locate(body.text.indexOf('here'))).toEqual({ line: 3, column: 8 });
  });

  it('reports a body file that is not UTF-8 at the first bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' ouvert')]); // Latin-1 "Café"
    const message = expectLoaded((await workspaces.loadMessage({ 'message.yaml': 'name: Latin-1\nsms:\n  to: "+14155552671"\n', 'sms.txt': bytes })).result);
    expect(message.sms).toBeUndefined();
    expect(message.diagnostics).toEqual([expect.objectContaining({ line: 1, column: 4, message: 'file is not valid UTF-8' })]);
  });
});

describe('body paths that leave the workspace are refused and never read', () => {
  it('refuses ../../ out of the workspace (the file there exists and is readable)', async () => {
    // templates/msg/../../etc/passwd is <project>/etc/passwd: outside templates/, inside the temp project.
    const yaml = 'name: Escape\nsms:\n  body: ../../etc/passwd\n  to: "+14155552671"\n';
    const { result } = await workspaces.loadMessage({ 'message.yaml': yaml, '../../etc/passwd': secret });
    const message = expectLoaded(result);
    expect(message.sms).toBeUndefined();
    expect(message.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'workspace/path', severity: 'error', file: message.file, ...positionOf(yaml, '../../etc/passwd') }),
    ]);
    expect(JSON.stringify(message)).not.toContain(secret);
  });

  it('refuses an absolute path', async () => {
    const outside = await workspaces.outsideDir({ 'body.txt': secret });
    const yaml = `name: Absolute\nsms:\n  body: ${outside.path('body.txt')}\n  to: "+14155552671"\n`;
    const message = expectLoaded((await workspaces.loadMessage({ 'message.yaml': yaml })).result);
    expect(message.sms).toBeUndefined();
    expect(message.diagnostics).toEqual([expect.objectContaining({ ruleId: 'workspace/path', ...positionOf(yaml, outside.path('body.txt')) })]);
    expect(message.diagnostics[0]?.message).toMatch(/absolute/);
    expect(JSON.stringify(message)).not.toContain(secret);
  });

  it('refuses a symlink inside the message folder that points outside the workspace', async () => {
    const outside = await workspaces.outsideDir({ 'email.html': `<p>${secret}</p>` });
    const yaml = 'name: Symlink\nemail:\n  subject: Hi\n  from: a@example.com\n  body: email.html\n';
    const { result } = await workspaces.loadMessage({ 'message.yaml': yaml, 'email.html': { symlinkTo: outside.path('email.html') } });
    const message = expectLoaded(result);
    expect(message.email).toBeUndefined();
    expect(message.diagnostics).toEqual([expect.objectContaining({ ruleId: 'workspace/path', ...positionOf(yaml, 'email.html') })]);
    expect(JSON.stringify(message)).not.toContain(secret);
  });

  it('refuses a sample that is a symlink to a file outside the workspace', async () => {
    const outside = await workspaces.outsideDir({ 'standard.json': JSON.stringify({ customer: { name: secret } }) });
    const { result } = await workspaces.loadMessage({
      'message.yaml': 'name: Symlinked sample\nsms:\n  to: "+14155552671"\n',
      'sms.txt': 'Hi',
      'samples/standard.json': { symlinkTo: outside.path('standard.json') },
    });
    const message = expectLoaded(result);
    expect(message.samples).toEqual([]);
    expect(message.diagnostics).toEqual([expect.objectContaining({ ruleId: 'workspace/path', file: expect.stringMatching(/samples[/\\]standard\.json$/) })]);
    expect(JSON.stringify(message)).not.toContain(secret);
  });

  it('accepts a symlink that stays inside the workspace', async () => {
    const { result } = await workspaces.loadMessage({
      'message.yaml': 'name: Shared body\nsms:\n  to: "+14155552671"\n',
      '../_shared/sms.txt': 'Shared text',
      'sms.txt': { symlinkTo: '../_shared/sms.txt' },
    });
    const message = expectLoaded(result);
    expect(message.diagnostics).toEqual([]);
    expect(message.sms?.body.text).toBe('Shared text');
  });
});
