import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../src/email/render-email.js';
import { renderSms } from '../../src/sms/render-sms.js';
import { createEngines } from '../../src/render/index.js';
import type { Message } from '../../src/workspace/index.js';
import { useTempWorkspaces } from '../helpers/temp-workspace.js';

// SFMC GTL escapes rendered content by the content type of the message part (gtlEscaped,
// https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/gtlEscaped.html):
// HTML-escaped in text/html only. An SMS, a subject, a preheader and a text part are text.

const workspaces = useTempWorkspaces();
const engines = createEngines();
const name = "Tom & Jerry's";

async function loadHandlebarsMessage(files: Record<string, string>): Promise<Message> {
  const { result } = await workspaces.loadMessage({
    'samples/standard.json': JSON.stringify({ customer: { name }, trigger: {} }),
    ...files,
  });
  if (!('definition' in result) || result.definition === undefined) throw new Error(`message did not load: ${JSON.stringify(result)}`);
  return result;
}

describe('Handlebars escapes by content type, as SFMC GTL', () => {
  it('an SMS prints the name as it is, and counts segments on that text', async () => {
    // 147 characters of text around the 13 of the name: exactly one GSM-7 segment (160).
    // HTML-escaped ("Tom &amp; Jerry&#x27;s", 22 characters) it would be 169: two segments.
    const lead = 'x'.repeat(160 - 1 - name.length);
    const body = `${lead} {{customer.name}}`;
    const message = await loadHandlebarsMessage({
      'message.yaml':
        'name: Pickup\nengine: handlebars\nsms:\n  body: sms.txt\n  to: "+15555550100"\n  maxSegments: 1\nattributes:\n  customer:\n    name: { type: string, required: true }\n',
      'sms.txt': body,
    });
    const rendered = renderSms(message, message.samples[0], { engines })!;
    expect(rendered.text).toBe(`${lead} ${name}`);
    expect(rendered.text).toHaveLength(160);
    expect(rendered.analysis.segments).toBe(1);
    expect(rendered.diagnostics).toEqual([]);
  });

  it('an email escapes the HTML body only; subject, preheader and text part stay as written', async () => {
    const message = await loadHandlebarsMessage({
      'message.yaml': [
        'name: Welcome',
        'engine: handlebars',
        'email:',
        '  subject: "Welcome, {{customer.name}}"',
        '  preheader: "Hi {{customer.name}}"',
        '  from: "Shop <shop@example.com>"',
        '  body: email.html',
        '  text: email.txt',
        'attributes:',
        '  customer:',
        '    name: { type: string, required: true }',
        '',
      ].join('\n'),
      'email.html': '<html><body><p>Dear {{customer.name}}</p></body></html>',
      'email.txt': 'Dear {{customer.name}}',
    });
    const rendered = (await renderEmail(message, message.samples[0], { engines }))!;
    expect(rendered.subject).toBe(`Welcome, ${name}`);
    expect(rendered.preheader).toBe(`Hi ${name}`);
    expect(rendered.text).toBe(`Dear ${name}`);
    expect(rendered.html).toContain('<p>Dear Tom &amp; Jerry&#x27;s</p>');
    // The preheader is injected into the HTML once, escaped once (not "&amp;amp;").
    expect(rendered.html).toContain(">Hi Tom &amp; Jerry's</div>");
    expect(rendered.diagnostics).toEqual([]);
  });
});
