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

/** The blocks open at the end of `text`, or at the first opener that makes `stop` true. */
function openBlocks(text: string, stop?: (open: readonly OpenBlock[]) => boolean): OpenBlock[] {
  const open: OpenBlock[] = [];
  for (const match of text.matchAll(blockTags)) {
    const [tag, kind, name] = match;
    // Comments and `\{{` (an escaped, literal mustache) open nothing.
    if (!kind || !name || text[match.index - 1] === '\\') continue;
    if (kind !== '/') {
      open.push({ name, offset: match.index, tag });
      if (stop?.(open)) break;
    } else if (open.at(-1)?.name === name) open.pop();
  }
  return open;
}

/**
 * The innermost block still open at the end of a Handlebars template. The parser only says it
 * met the end of the input; the opening tag is where the missing `{{/name}}` belongs.
 */
export function unclosedBlock(text: string): OpenBlock | undefined {
  return openBlocks(text).at(-1);
}

/** The first opening tag nested more than `maxDepth` blocks deep (unclosed blocks count as open). */
export function blockTooDeep(text: string, maxDepth: number): OpenBlock | undefined {
  const open = openBlocks(text, (blocks) => blocks.length > maxDepth);
  return open.length > maxDepth ? open.at(-1) : undefined;
}
