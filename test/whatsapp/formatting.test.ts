import { describe, expect, it } from 'vitest';
import { formatWhatsappText } from '../../src/whatsapp/index.js';

// The examples of 360dialog's "Formatting in Text Messages" table
// (https://docs.360dialog.com/partner/messaging/sending-and-receiving-messages/text-messages) and the
// list / quote / inline-code rows of https://green-api.com/en/docs/faq/how-to-format-messages.
describe('formatWhatsappText', () => {
  it('reads the documented examples: *bold*, _italics_, ~strike-through~, ```code```', () => {
    expect(formatWhatsappText('Your total is *$10.50*.')[0]!.nodes).toEqual([
      { kind: 'text', text: 'Your total is ' },
      { kind: 'bold', children: [{ kind: 'text', text: '$10.50' }] },
      { kind: 'text', text: '.' },
    ]);
    expect(formatWhatsappText('Welcome to _WhatsApp_!')[0]!.nodes[1]).toEqual({ kind: 'italic', children: [{ kind: 'text', text: 'WhatsApp' }] });
    expect(formatWhatsappText('This is ~better~ best!')[0]!.nodes[1]).toEqual({ kind: 'strike', children: [{ kind: 'text', text: 'better' }] });
    expect(formatWhatsappText("```print 'Hello World';```")[0]!.nodes).toEqual([
      { kind: 'monospace', children: [{ kind: 'text', text: "print 'Hello World';" }] },
    ]);
  });

  it('reads inline code, bulleted and numbered lists and quotes', () => {
    expect(formatWhatsappText('`Text with embedded code`')[0]!.nodes).toEqual([
      { kind: 'code', children: [{ kind: 'text', text: 'Text with embedded code' }] },
    ]);
    expect(formatWhatsappText('* First item\n- Second item\n1. Ordered\n> Quoting text').map(({ kind, marker }) => [kind, marker])).toEqual([
      ['bullet', '*'],
      ['bullet', '-'],
      ['numbered', '1.'],
      ['quote', undefined],
    ]);
  });

  it('nests styles, and leaves markers that open no style as written', () => {
    expect(formatWhatsappText('*bold _both_*')[0]!.nodes).toEqual([
      {
        kind: 'bold',
        children: [
          { kind: 'text', text: 'bold ' },
          { kind: 'italic', children: [{ kind: 'text', text: 'both' }] },
        ],
      },
    ]);
    expect(formatWhatsappText('5 * 3 = 15, 2*3*4, snake_case_name, *open')[0]!.nodes).toEqual([
      { kind: 'text', text: '5 * 3 = 15, 2*3*4, snake_case_name, *open' },
    ]);
  });

  // WhatsApp Help Center, "How to format your messages" (https://faq.whatsapp.com/539178204879377):
  // monospace is three backticks on both sides of the text, which may hold line breaks.
  it('reads a ``` block spanning lines as one monospace entry, its lines as written', () => {
    expect(formatWhatsappText('```ABC-123\nXYZ-456```')).toEqual([{ kind: 'monospace', nodes: [{ kind: 'text', text: 'ABC-123\nXYZ-456' }] }]);
    // Markers alone on their lines; what would be formatting or a list inside stays literal; the lines around are read as usual.
    expect(formatWhatsappText('Your codes:\n```\n*A1* _B2_\n- C3\n```\n*Thanks*')).toEqual([
      { kind: 'paragraph', nodes: [{ kind: 'text', text: 'Your codes:' }] },
      { kind: 'monospace', nodes: [{ kind: 'text', text: '\n*A1* _B2_\n- C3\n' }] },
      { kind: 'paragraph', nodes: [{ kind: 'bold', children: [{ kind: 'text', text: 'Thanks' }] }] },
    ]);
  });

  it('leaves ``` that no later line closes, or that closes on its own line, to the line rules', () => {
    expect(formatWhatsappText('```ABC\nXYZ').map(({ kind, nodes }) => [kind, nodes])).toEqual([
      ['paragraph', [{ kind: 'text', text: '```ABC' }]],
      ['paragraph', [{ kind: 'text', text: 'XYZ' }]],
    ]);
    expect(formatWhatsappText('```A``` and\nB```').map(({ kind }) => kind)).toEqual(['paragraph', 'paragraph']);
    // Nothing but spaces between the markers is no block.
    expect(formatWhatsappText('```\n```').map(({ kind }) => kind)).toEqual(['paragraph', 'paragraph']);
  });

  it('detects http(s) and www. links, leaving closing punctuation out, and keeps markers inside a link', () => {
    expect(formatWhatsappText('Track: https://example.com/t/a_b_c. Or www.example.com!')[0]!.nodes).toEqual([
      { kind: 'text', text: 'Track: ' },
      { kind: 'link', text: 'https://example.com/t/a_b_c', href: 'https://example.com/t/a_b_c' },
      { kind: 'text', text: '. Or ' },
      { kind: 'link', text: 'www.example.com', href: 'https://www.example.com' },
      { kind: 'text', text: '!' },
    ]);
  });
});
