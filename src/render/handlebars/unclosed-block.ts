export interface OpenBlock {
  /** Helper name, e.g. `if`; what the closing `{{/name}}` must repeat. */
  name: string;
  /** Offset of the opening tag in the template. */
  offset: number;
  /** The opening tag as written, e.g. `{{#if customer.vip}}`. */
  tag: string;
}

// Comments first (they may contain anything), then block openers `{{#…}}` / `{{^…}}` (also
// `{{#> partial}}` and `{{#*inline}}`) and closers `{{/…}}`, with optional `~` whitespace control.
const blockTags = /\{\{!--[\s\S]*?--~?\}\}|\{\{![\s\S]*?\}\}|\{\{~?\s*([#^/])\s*[>*]?\s*([^\s}~]+)[^}]*\}\}/g;

/**
 * The innermost block still open at the end of a Handlebars template. The parser only says it
 * met the end of the input; the opening tag is where the missing `{{/name}}` belongs.
 */
export function unclosedBlock(text: string): OpenBlock | undefined {
  const open: OpenBlock[] = [];
  for (const match of text.matchAll(blockTags)) {
    const [tag, kind, name] = match;
    // Comments and `\{{` (an escaped, literal mustache) open nothing.
    if (!kind || !name || text[match.index - 1] === '\\') continue;
    if (kind !== '/') open.push({ name, offset: match.index, tag });
    else if (open.at(-1)?.name === name) open.pop();
  }
  return open.at(-1);
}
