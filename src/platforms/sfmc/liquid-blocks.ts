import { TypeGuards, type TagToken, type TopLevelToken } from 'liquidjs';
import type { HTMLToken, OutputToken } from './liquid-tokens.js';

/**
 * The block structure of a Liquid template, rebuilt from liquidjs' flat token stream so the
 * export keeps every token's source offsets (liquidjs' parsed templates drop the positions of
 * `elsif`, `else` and `end*` tags). Expects a template `Liquid.parse` has accepted.
 */
export type TemplateNode = TextNode | OutputNode | TagNode | BlockNode;

export interface TextNode {
  kind: 'text';
  token: HTMLToken;
}

export interface OutputNode {
  kind: 'output';
  token: OutputToken;
}

/** A tag without a body: `assign`, `include`, `# comment`, ... */
export interface TagNode {
  kind: 'tag';
  token: TagToken;
}

/** `{% if %}...{% elsif %}...{% endif %}` and the other tags that enclose a body. */
export interface BlockNode {
  kind: 'block';
  name: string;
  /** The opening tag's branch first, then one per `elsif` / `else` / `when`. */
  branches: Branch[];
  /** Source range from the opening tag's `{%` to the closing tag's `%}`. */
  begin: number;
  end: number;
}

export interface Branch {
  tag: TagToken;
  body: TemplateNode[];
}

/** Liquid's built-in tags that enclose a body up to `end<name>`. */
const BLOCK_TAGS = new Set(['if', 'unless', 'case', 'for', 'tablerow', 'capture', 'comment', 'raw', 'block']);

/** Tags that start another branch of the enclosing block. */
const BRANCH_TAGS: Record<string, readonly string[]> = {
  if: ['elsif', 'else'],
  unless: ['elsif', 'else'],
  case: ['when', 'else'],
  for: ['else'],
};

export function readTemplateNodes(tokens: TopLevelToken[]): TemplateNode[] {
  let next = 0;

  function readBody(isBoundary: (tag: TagToken) => boolean): TemplateNode[] {
    const nodes: TemplateNode[] = [];
    for (let token = tokens[next]; token; token = tokens[next]) {
      if (TypeGuards.isTagToken(token) && isBoundary(token)) break;
      next++;
      if (TypeGuards.isTagToken(token)) nodes.push(BLOCK_TAGS.has(token.name) ? readBlock(token) : { kind: 'tag', token });
      else if (TypeGuards.isOutputToken(token)) nodes.push({ kind: 'output', token });
      else nodes.push({ kind: 'text', token });
    }
    return nodes;
  }

  function readBlock(open: TagToken): BlockNode {
    const endName = `end${open.name}`;
    const boundaries = new Set([endName, ...(BRANCH_TAGS[open.name] ?? [])]);
    const isBoundary = (tag: TagToken) => boundaries.has(tag.name);
    const branches: Branch[] = [];
    for (let tag = open; ;) {
      branches.push({ tag, body: open.name === 'comment' ? skipBody(isBoundary) : readBody(isBoundary) });
      const boundary = tokens[next++];
      if (!boundary || !TypeGuards.isTagToken(boundary)) throw new Error(`{% ${open.name} %} is not closed`);
      if (boundary.name === endName) return { kind: 'block', name: open.name, branches, begin: open.begin, end: boundary.end };
      tag = boundary;
    }
  }

  /** Liquid does not parse inside a comment: it ends at the first endcomment, whatever nests. */
  function skipBody(isBoundary: (tag: TagToken) => boolean): TemplateNode[] {
    for (let token = tokens[next]; token && !(TypeGuards.isTagToken(token) && isBoundary(token)); token = tokens[++next]);
    return [];
  }

  return readBody(() => false);
}
