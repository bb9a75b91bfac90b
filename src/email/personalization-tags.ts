/**
 * A personalization tag as written in a template: Liquid `{{ x }}` / `{% if x %}`, Handlebars
 * `{{ x }}`, `{{{ x }}}`, `{{#if x}}`, `{{/if}}`, `{{!-- note --}}`. Found by delimiters alone,
 * so one scanner serves both engines (their parsers do not keep the positions of every tag).
 */
export interface PersonalizationTag {
  /** Offset of the opening delimiter. */
  start: number;
  /** Offset just past the closing delimiter. */
  end: number;
  text: string;
  /** Length of the opening delimiter (`{{{` = 3, `{{` and `{%` = 2). */
  openLength: number;
}

function delimitersAt(text: string, start: number): { open: string; close: string } | undefined {
  if (text.startsWith('{%', start)) return { open: '{%', close: '%}' };
  if (text.startsWith('{{{', start)) return { open: '{{{', close: '}}}' };
  // A Handlebars block comment may itself contain `}}`.
  if (text.startsWith('{{!--', start)) return { open: '{{', close: '--}}' };
  if (text.startsWith('{{', start)) return { open: '{{', close: '}}' };
  return undefined;
}

/** Every tag of `text` in order; an unterminated tag ends the scan (the engine reports it). */
export function findPersonalizationTags(text: string): PersonalizationTag[] {
  const tags: PersonalizationTag[] = [];
  for (let start = text.indexOf('{'); start !== -1;) {
    const delimiters = delimitersAt(text, start);
    if (!delimiters) {
      start = text.indexOf('{', start + 1);
      continue;
    }
    const closeAt = text.indexOf(delimiters.close, start + delimiters.open.length);
    if (closeAt === -1) break;
    const end = closeAt + delimiters.close.length;
    tags.push({ start, end, text: text.slice(start, end), openLength: delimiters.open.length });
    start = text.indexOf('{', end);
  }
  return tags;
}
