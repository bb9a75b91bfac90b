import type { CheckRule, Diagnostic } from '../../diagnostics/index.js';
import type { WhatsappTemplateFacts } from '../check/whatsapp-check-context.js';
import { closingIndex, monospaceBlockEnd, opensAt } from '../formatting.js';

const styleMarkers = [
  { marker: '```', name: 'monospace' },
  { marker: '`', name: 'inline code' },
  { marker: '*', name: 'bold' },
  { marker: '_', name: 'italic' },
  { marker: '~', name: 'strikethrough' },
] as const;

/** Output tags and links print words: markers inside them are not formatting (`{{ customer.first_name }}`, `https://x.com/_a`). */
const printsWords = /\{\{[\s\S]*?\}\}|\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;
/** Logic tags (`{% if %}`, `{{#if}}`) print nothing. */
const printsNothing = /\{%[\s\S]*?%\}|\{\{[#/~^][\s\S]*?\}\}/gu;

/**
 * The body with offsets kept: what prints words masked by letters (`*{{ name }}*` still reads as
 * one styled word), logic tags by spaces (`*{{ eta }}*{% endif %}` still closes).
 */
function maskedBody(text: string): string {
  const mask = (by: string) => (match: string) => match.replace(/[^\n]/gu, by);
  return text.replace(printsNothing, mask(' ')).replace(printsWords, mask('x'));
}

/**
 * A formatting marker that opens a style at the start of a word (formatting.ts says when) but
 * is not closed on its line: WhatsApp then shows the marker itself, `*Order shipped` with its
 * asterisk. Checked on the body as written, outside template tags, links, code and monospace
 * blocks (```` ``` ```` spanning lines, formatting.ts); `~` before a digit (`~5 min`) reads as
 * "about" and is left alone.
 */
export const whatsappFormatting: CheckRule<WhatsappTemplateFacts> = {
  meta: {
    id: 'whatsapp/formatting',
    defaultSeverity: 'warning',
    docs: 'every *bold*, _italic_, ~strike~ and ```monospace``` marker of the WhatsApp body is closed on its line (a ``` block may span lines)',
  },
  check({ context: { whatsapp } }) {
    const { body } = whatsapp;
    const masked = maskedBody(body.text);
    const diagnostics: Diagnostic[] = [];
    const lines = masked.split('\n');
    let lineStart = 0;
    for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
      // A monospace block shows its lines as written: nothing in it is formatting.
      const blockEnd = monospaceBlockEnd(lines, lineIndex);
      if (blockEnd !== -1) {
        lineStart += lines.slice(lineIndex, blockEnd + 1).reduce((length, skipped) => length + skipped.length + 1, 0);
        lineIndex = blockEnd;
        continue;
      }
      const line = lines[lineIndex]!;
      let index = 0;
      while (index < line.length) {
        const found = styleMarkers.find(({ marker }) => line.startsWith(marker, index) && opensAt(line, index, marker));
        if (!found || (found.marker === '~' && /\d/u.test(line[index + 1] ?? ''))) {
          index++;
          continue;
        }
        const close = closingIndex(line, index, found.marker);
        if (close === -1) {
          diagnostics.push({
            ruleId: whatsappFormatting.meta.id,
            severity: whatsappFormatting.meta.defaultSeverity,
            message: `\`${found.marker}\` opens ${found.name} but nothing closes it on this line, so WhatsApp shows the \`${found.marker}\` as written`,
            file: body.file,
            ...body.locate(lineStart + index),
            hint: `close it with \`${found.marker}\` right after the last styled word, or put a space after the \`${found.marker}\` to keep it as a character`,
          });
          index += found.marker.length;
        } else {
          // Code shows its content as written; other styles may nest, so their content is checked too.
          index = found.marker.includes('`') ? close + found.marker.length : index + found.marker.length;
        }
      }
      lineStart += line.length + 1;
    }
    return diagnostics;
  },
};
