import { describe, expect, it } from 'vitest';
import { isBroken, type BrokenMessage, type Message } from '../../src/workspace/index.js';
import { positionOf } from '../helpers/text-position.js';
import { useTempWorkspaces } from '../helpers/temp-workspace.js';

const workspaces = useTempWorkspaces();

function expectBroken(result: Message | BrokenMessage): BrokenMessage {
  if (!isBroken(result)) throw new Error('expected message.yaml to be refused');
  return result;
}

function expectLoaded(result: Message | BrokenMessage): Message {
  if (isBroken(result)) throw new Error(`expected a message, got ${JSON.stringify(result.diagnostics)}`);
  return result;
}

const full = `name: Shipping update
whatsapp:
  to: "{{ customer.phone }}"
  header: "Order {{ trigger.order_id }}"
  footer: Reply STOP to opt out
  buttons:
    - type: url
      text: Track
      url: "https://example.com/t/{{ trigger.order_id }}"
    - type: phone
      text: Call us
      phone: "+14155552671"
    - type: quick_reply
      text: Thanks
`;

describe('message.yaml: the whatsapp section', () => {
  it('loads the body file (whatsapp.txt by default) and every personalizable part at its place in message.yaml', async () => {
    const { result } = await workspaces.loadMessage({ 'message.yaml': full, 'whatsapp.txt': 'Hi *{{ customer.first_name }}*\r\n\n' });
    const message = expectLoaded(result);
    const whatsapp = message.whatsapp!;
    // Sent as written: the CRLF and the editor's final newlines are not part of the message.
    expect(whatsapp.body.text).toBe('Hi *{{ customer.first_name }}*');
    expect(whatsapp.to.text).toBe('{{ customer.phone }}');
    expect(whatsapp.header?.text).toBe('Order {{ trigger.order_id }}');
    expect(whatsapp.footer?.text).toBe('Reply STOP to opt out');
    expect(whatsapp.buttons.map((button) => [button.type, button.text.text, button.url?.text, button.phone])).toEqual([
      ['url', 'Track', 'https://example.com/t/{{ trigger.order_id }}', undefined],
      ['phone', 'Call us', undefined, '+14155552671'],
      ['quick_reply', 'Thanks', undefined, undefined],
    ]);
    // An inline template reports positions in message.yaml: `{{ trigger.order_id }}` of the button URL.
    const url = whatsapp.buttons[0]!.url!;
    const offset = url.text.indexOf('{{');
    expect({ file: url.file, ...url.locate(offset) }).toEqual({ file: message.file, ...positionOf(full, '{{ trigger.order_id }}"\n    - type: phone') });
  });

  it('is enough on its own: a message with only a whatsapp section is valid', async () => {
    const { result } = await workspaces.loadMessage({ 'message.yaml': 'name: W\nwhatsapp:\n  to: "+14155552671"\n', 'whatsapp.txt': 'Hi' });
    expect(expectLoaded(result).diagnostics).toEqual([]);
  });

  it('reports a missing body file where message.yaml names it', async () => {
    const yaml = 'name: W\nwhatsapp:\n  body: wa.txt\n  to: "+14155552671"\n';
    const { result } = await workspaces.loadMessage({ 'message.yaml': yaml });
    const message = expectLoaded(result);
    expect(message.whatsapp).toBeUndefined();
    expect(message.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'workspace/missing-file', message: 'whatsapp.body: "wa.txt" not found', ...positionOf(yaml, 'wa.txt') }),
    ]);
  });

  it('requires `to`, at the whatsapp section', async () => {
    const yaml = 'name: W\nwhatsapp:\n  body: whatsapp.txt\n';
    const diagnostics = expectBroken((await workspaces.loadMessage({ 'message.yaml': yaml, 'whatsapp.txt': 'Hi' })).result).diagnostics;
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'schema/message', message: '`whatsapp.to` is required', hint: 'add `to:`' })]);
  });

  it('reports a url button without its url at the button type, and a field of another type where it is', async () => {
    const yaml =
      'name: W\nwhatsapp:\n  to: "+14155552671"\n  buttons:\n    - type: url\n      text: Track\n    - type: quick_reply\n      text: Ok\n      phone: "+14155552671"\n';
    const diagnostics = expectBroken((await workspaces.loadMessage({ 'message.yaml': yaml, 'whatsapp.txt': 'Hi' })).result).diagnostics;
    expect(diagnostics).toEqual([
      expect.objectContaining({ message: '`whatsapp.buttons.0.type`: a url button needs `url:`', ...positionOf(yaml, 'url\n') }),
      expect.objectContaining({ message: '`whatsapp.buttons.1.phone`: only a phone button has `phone:`', ...positionOf(yaml, '"+14155552671"\n', 2) }),
    ]);
  });

  it('refuses both a text header and a media header (a template has one header)', async () => {
    const yaml = 'name: W\nwhatsapp:\n  to: "+14155552671"\n  header: Hi\n  media:\n    type: image\n    url: https://example.com/a.png\n';
    const diagnostics = expectBroken((await workspaces.loadMessage({ 'message.yaml': yaml, 'whatsapp.txt': 'Hi' })).result).diagnostics;
    expect(diagnostics).toEqual([expect.objectContaining({ message: expect.stringContaining('one header') as string, ...positionOf(yaml, 'type: image') })]);
  });

  it('names an unknown media type with the ones there are', async () => {
    const yaml = 'name: W\nwhatsapp:\n  to: "+14155552671"\n  media:\n    type: gif\n    url: https://example.com/a.gif\n';
    const diagnostics = expectBroken((await workspaces.loadMessage({ 'message.yaml': yaml, 'whatsapp.txt': 'Hi' })).result).diagnostics;
    expect(diagnostics).toEqual([
      expect.objectContaining({ message: '`whatsapp.media.type`: expected one of "image", "video", "document", got string "gif"', ...positionOf(yaml, 'gif') }),
    ]);
  });
});
