type Node = hbs.AST.Node;

/** How a template uses a path: printed, tested, iterated, or entered as a new scope. */
export type PathUsage = 'output' | 'condition' | 'iteration' | 'scope' | 'argument';

/** A path segment: a name, or `ELEMENT` for "any element of this array" (`{{#each}}`). */
export type PathPart = string | number;

/** The index that stands for every element of an array iterated with `{{#each}}`. */
export const ELEMENT = 0;

export interface PathReference {
  /** Path from the root context, e.g. ['customer', 'first_name'] or ['trigger', 'items', ELEMENT, 'sku']. */
  parts: PathPart[];
  /** 1-based line, 0-based column as Handlebars reports them. */
  loc: { line: number; column: number };
  usage: PathUsage;
  /** Inside an if/unless/each/with/switch block, so absent data may simply skip it. */
  guarded: boolean;
}

const conditionalHelpers = new Set(['if', 'unless', 'switch', 'case']);

/**
 * A context frame: the root path its `this` stands for (undefined: not an attribute, e.g. the
 * value of a helper), and the block parameters (`as |item index|`) it names.
 */
interface Frame {
  path: PathPart[] | undefined;
  params: Map<string, PathPart[] | undefined>;
}

/** The root path a path expression reads, following `this`, `../`, `@root` and block parameters. */
function resolve(path: hbs.AST.PathExpression, frames: readonly Frame[]): PathPart[] | undefined {
  if (path.data) {
    // @root.customer.x reaches the root from any scope; other @data (@index, @key) are not attributes.
    return path.parts[0] === 'root' ? path.parts.slice(1) : undefined;
  }
  const [head, ...rest] = path.parts;
  // A block parameter is named bare (`item.sku`, not `this.item` or `../item`).
  if (path.depth === 0 && head !== undefined && !/^(?:this|\.)[./]/.test(path.original)) {
    for (let index = frames.length - 1; index >= 0; index--) {
      const params = frames[index]!.params;
      if (params.has(head)) {
        const base = params.get(head);
        return base && [...base, ...rest];
      }
    }
  }
  const frame = frames[frames.length - 1 - path.depth];
  return frame?.path && [...frame.path, ...path.parts];
}

/**
 * Walks a Handlebars AST and lists the paths that resolve against the root context
 * (`customer.*`, `trigger.*`), following the data: inside `{{#each trigger.items}}` a bare
 * `sku` (or `this.sku`, or `item.sku` with `as |item|`) reads `trigger.items[ELEMENT].sku`;
 * inside `{{#with customer}}`, `name` reads `customer.name`.
 */
export function collectPathReferences(program: hbs.AST.Program): PathReference[] {
  const references: PathReference[] = [];

  const visitExpression = (expression: hbs.AST.Expression, usage: PathUsage, frames: readonly Frame[], guarded: boolean): void => {
    if (expression.type === 'PathExpression') {
      const parts = resolve(expression as hbs.AST.PathExpression, frames);
      if (parts && parts.length > 0) references.push({ parts, loc: expression.loc.start, usage, guarded });
    } else if (expression.type === 'SubExpression') {
      const sub = expression as hbs.AST.SubExpression;
      for (const param of sub.params) visitExpression(param, 'argument', frames, guarded);
      for (const pair of sub.hash?.pairs ?? []) visitExpression(pair.value, 'argument', frames, guarded);
    }
  };

  const visitProgram = (node: hbs.AST.Program | undefined, frames: readonly Frame[], guarded: boolean): void => {
    for (const statement of node?.body ?? []) visitStatement(statement, frames, guarded);
  };

  /** The frame `{{#each}}` / `{{#with}}` enter: the element (or the value) and its block parameters. */
  const enteredFrame = (helper: string, block: hbs.AST.BlockStatement, frames: readonly Frame[]): Frame => {
    const param = block.params[0];
    const base = param?.type === 'PathExpression' ? resolve(param as hbs.AST.PathExpression, frames) : undefined;
    const path = base && (helper === 'each' ? [...base, ELEMENT] : base);
    const [name, index] = block.program?.blockParams ?? [];
    const params = new Map<string, PathPart[] | undefined>();
    if (name !== undefined) params.set(name, path);
    if (index !== undefined) params.set(index, undefined);
    return { path, params };
  };

  const visitStatement = (node: Node, frames: readonly Frame[], guarded: boolean): void => {
    if (node.type === 'MustacheStatement') {
      const mustache = node as hbs.AST.MustacheStatement;
      const isHelperCall = mustache.params.length > 0 || (mustache.hash?.pairs.length ?? 0) > 0;
      if (isHelperCall) {
        for (const param of mustache.params) visitExpression(param, 'argument', frames, guarded);
        for (const pair of mustache.hash?.pairs ?? []) visitExpression(pair.value, 'argument', frames, guarded);
      } else {
        visitExpression(mustache.path, 'output', frames, guarded);
      }
    } else if (node.type === 'BlockStatement') {
      const block = node as hbs.AST.BlockStatement;
      const helper = block.path.original;
      const usage: PathUsage = conditionalHelpers.has(helper) ? 'condition' : helper === 'each' ? 'iteration' : helper === 'with' ? 'scope' : 'argument';
      for (const param of block.params) visitExpression(param, usage, frames, guarded);
      for (const pair of block.hash?.pairs ?? []) visitExpression(pair.value, 'argument', frames, guarded);
      // Only each and with change the context; `../` skips the others (Handlebars 4).
      const inner = helper === 'each' || helper === 'with' ? [...frames, enteredFrame(helper, block, frames)] : frames;
      visitProgram(block.program, inner, true);
      // The {{else}} of each/with runs in the outer scope.
      visitProgram(block.inverse, frames, true);
    }
  };

  visitProgram(program, [{ path: [], params: new Map() }], false);
  return references;
}
