/**
 * WhatsApp's message formatting, parsed into a tree the preview draws (as DOM text, never as
 * HTML) and the formatting rule checks. The markers (360dialog's WhatsApp Business API docs,
 * "Formatting in Text Messages", https://docs.360dialog.com/partner/messaging/sending-and-receiving-messages/text-messages;
 * lists, quotes and inline code: https://green-api.com/en/docs/faq/how-to-format-messages):
 * `*bold*`, `_italic_`, `~strikethrough~`, ```` ```monospace``` ````, `` `inline code` ``, and at the
 * start of a line `* ` or `- ` (bulleted list), `1. ` (numbered list), `> ` (quote).
 *
 * A marker styles text the way WhatsApp applies it: it opens at the start of a word (after the
 * start of the line, a space or punctuation) before a character that is not a space, and closes
 * on the same line after a character that is not a space, before the end of a word. `2*3*4` and
 * `5 * 3` stay as written.
 *
 * Monospace may also span lines (WhatsApp Help Center, "How to format your messages",
 * https://faq.whatsapp.com/539178204879377: three backticks on both sides of the text): a line
 * that starts with ```` ``` ```` not closed on it opens a block, which the first later line
 * ending with ```` ``` ```` closes; the lines between are shown as written, in monospace.
 */

export type InlineStyle = 'bold' | 'italic' | 'strike' | 'monospace' | 'code';

export type InlineNode = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string } | { kind: InlineStyle; children: InlineNode[] };

export type LineKind = 'paragraph' | 'bullet' | 'numbered' | 'quote' | 'monospace';

export interface FormattedLine {
  /** `monospace`: a ```` ``` ```` block spanning lines, one entry for all of them, its text (line breaks included) in one text node. */
  kind: LineKind;
  /** The list marker as written: `*`, `-`, `3.`; absent for paragraphs and quotes. */
  marker?: string;
  nodes: InlineNode[];
}

/** Markers longest first, so ``` is not read as three `. */
const markers: readonly { marker: string; style: InlineStyle }[] = [
  { marker: '```', style: 'monospace' },
  { marker: '`', style: 'code' },
  { marker: '*', style: 'bold' },
  { marker: '_', style: 'italic' },
  { marker: '~', style: 'strike' },
];

const wordCharacter = /[\p{L}\p{N}]/u;
const space = /\s/u;

function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && wordCharacter.test(character);
}

function isSpace(character: string | undefined): boolean {
  return character === undefined || space.test(character);
}

/** Whether `marker` at `index` of `line` can open a style. */
export function opensAt(line: string, index: number, marker: string): boolean {
  return !isWordCharacter(line[index - 1]) && !isSpace(line[index + marker.length]);
}

/** Where the style `marker` opened at `index` closes on `line`, or -1. */
export function closingIndex(line: string, index: number, marker: string): number {
  for (let at = line.indexOf(marker, index + marker.length + 1); at !== -1; at = line.indexOf(marker, at + 1)) {
    if (!isSpace(line[at - 1]) && !isWordCharacter(line[at + marker.length])) return at;
  }
  return -1;
}

/** `http(s)://…` or `www.…` up to a space; closing punctuation is left out, as WhatsApp links it. */
const linkPattern = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;
const trailingPunctuation = /[.,;:!?'")\]*_~]+$/u;

function linkify(text: string): InlineNode[] {
  const nodes: InlineNode[] = [];
  let last = 0;
  for (const match of text.matchAll(linkPattern)) {
    const link = match[0].replace(trailingPunctuation, '');
    if (match.index > last) nodes.push({ kind: 'text', text: text.slice(last, match.index) });
    nodes.push({ kind: 'link', text: link, href: link.toLowerCase().startsWith('www.') ? `https://${link}` : link });
    last = match.index + link.length;
  }
  if (last < text.length) nodes.push({ kind: 'text', text: text.slice(last) });
  return nodes;
}

function parseInline(line: string): InlineNode[] {
  const nodes: InlineNode[] = [];
  let plain = '';
  const flush = () => {
    if (plain !== '') nodes.push(...linkify(plain));
    plain = '';
  };
  let index = 0;
  while (index < line.length) {
    const found = markers.find(({ marker }) => line.startsWith(marker, index) && opensAt(line, index, marker));
    const close = found ? closingIndex(line, index, found.marker) : -1;
    // A marker inside a link (`https://example.com/a_b_`) is part of the link.
    if (found && close !== -1 && !/(?:https?:\/\/|www\.)\S*$/iu.test(plain)) {
      flush();
      const inner = line.slice(index + found.marker.length, close);
      const literal = found.style === 'monospace' || found.style === 'code';
      nodes.push({ kind: found.style, children: literal ? [{ kind: 'text', text: inner }] : parseInline(inner) });
      index = close + found.marker.length;
    } else {
      plain += line.charAt(index);
      index++;
    }
  }
  flush();
  return nodes;
}

const blockPatterns: readonly { kind: LineKind; pattern: RegExp }[] = [
  { kind: 'bullet', pattern: /^([*-]) (.*)$/su },
  { kind: 'numbered', pattern: /^(\d+\.) (.*)$/su },
  { kind: 'quote', pattern: /^(>) (.*)$/su },
];

const blockMarker = '```';

/**
 * The index of the line that closes a monospace block opened on line `start` of `lines`, or -1
 * when none opens there: the line starts with ```` ``` ```` that does not close on it, and a later
 * line ends with ```` ``` ````, with something other than spaces between them.
 */
export function monospaceBlockEnd(lines: readonly string[], start: number): number {
  const first = lines[start] ?? '';
  if (!first.startsWith(blockMarker) || closingIndex(first, 0, blockMarker) !== -1) return -1;
  for (let index = start + 1; index < lines.length; index++) {
    if (!lines[index]!.trimEnd().endsWith(blockMarker)) continue;
    return monospaceBlockText(lines, start, index).trim() === '' ? -1 : index;
  }
  return -1;
}

/** What a monospace block from line `start` to line `end` shows: its lines without the markers. */
function monospaceBlockText(lines: readonly string[], start: number, end: number): string {
  const closing = lines[end]!.trimEnd();
  return [lines[start]!.slice(blockMarker.length), ...lines.slice(start + 1, end), closing.slice(0, -blockMarker.length)].join('\n');
}

function formatLine(line: string): FormattedLine {
  for (const { kind, pattern } of blockPatterns) {
    const match = pattern.exec(line);
    if (match) return { kind, ...(kind === 'quote' ? {} : { marker: match[1]! }), nodes: parseInline(match[2]!) };
  }
  return { kind: 'paragraph', nodes: parseInline(line) };
}

/** The text as WhatsApp shows it: one entry per line (a monospace block one for its lines), each with its block kind and inline styles. */
export function formatWhatsappText(text: string): FormattedLine[] {
  const lines = text.split('\n');
  const formatted: FormattedLine[] = [];
  for (let index = 0; index < lines.length; index++) {
    const end = monospaceBlockEnd(lines, index);
    if (end === -1) {
      formatted.push(formatLine(lines[index]!));
    } else {
      formatted.push({ kind: 'monospace', nodes: [{ kind: 'text', text: monospaceBlockText(lines, index, end) }] });
      index = end;
    }
  }
  return formatted;
}
