
type Node = hbs.AST.Node;

/** How a template uses a path: printed, tested, iterated, or entered as a new scope. */
export type PathUsage = 'output' | 'condition' | 'iteration' | 'scope' | 'argument';

export interface PathReference {
  /** Path from the root context, e.g. ['customer', 'first_name']; only root-scope paths are listed. */
  parts: string[];
  /** 1-based line, 0-based column as Handlebars reports them. */
  loc: { line: number; column: number };
  usage: PathUsage;
  /** Inside an if/unless/each/with block, so absent data may simply skip it. */
  guarded: boolean;
}

const conditionalHelpers = new Set(['if', 'unless']);
const scopeHelpers = new Set(['each', 'with']);

function rootParts(path: hbs.AST.PathExpression, atRoot: boolean): string[] | undefined {
  if (path.data) {
    // @root.customer.x reaches the root from any scope; other @data (@index, @key) are not attributes.
    return path.parts[0] === 'root' ? path.parts.slice(1) : undefined;
  }
  return atRoot && path.depth === 0 && path.parts.length > 0 ? path.parts : undefined;
}

/**
 * Walks a Handlebars AST and lists the paths that resolve against the root context
 * (`customer.*`, `trigger.*`). Paths inside `each` / `with` are relative to the element and
 * are skipped unless written `@root.…`.
 */
export function collectPathReferences(program: hbs.AST.Program): PathReference[] {
  const references: PathReference[] = [];

  const visitExpression = (expression: hbs.AST.Expression, usage: PathUsage, atRoot: boolean, guarded: boolean): void => {
    if (expression.type === 'PathExpression') {
      const parts = rootParts(expression as hbs.AST.PathExpression, atRoot);
      if (parts) references.push({ parts, loc: expression.loc.start, usage, guarded });
    } else if (expression.type === 'SubExpression') {
      const sub = expression as hbs.AST.SubExpression;
      for (const param of sub.params) visitExpression(param, 'argument', atRoot, guarded);
      for (const pair of sub.hash?.pairs ?? []) visitExpression(pair.value, 'argument', atRoot, guarded);
    }
  };

  const visitProgram = (node: hbs.AST.Program | undefined, atRoot: boolean, guarded: boolean): void => {
    for (const statement of node?.body ?? []) visitStatement(statement, atRoot, guarded);
  };

  const visitStatement = (node: Node, atRoot: boolean, guarded: boolean): void => {
    if (node.type === 'MustacheStatement') {
      const mustache = node as hbs.AST.MustacheStatement;
      const isHelperCall = mustache.params.length > 0 || (mustache.hash?.pairs.length ?? 0) > 0;
      if (isHelperCall) {
        for (const param of mustache.params) visitExpression(param, 'argument', atRoot, guarded);
        for (const pair of mustache.hash?.pairs ?? []) visitExpression(pair.value, 'argument', atRoot, guarded);
      } else {
        visitExpression(mustache.path, 'output', atRoot, guarded);
      }
    } else if (node.type === 'BlockStatement') {
      const block = node as hbs.AST.BlockStatement;
      const helper = block.path.original;
      const usage: PathUsage = conditionalHelpers.has(helper) ? 'condition' : helper === 'each' ? 'iteration' : helper === 'with' ? 'scope' : 'argument';
      for (const param of block.params) visitExpression(param, usage, atRoot, guarded);
      const entersScope = scopeHelpers.has(helper);
      visitProgram(block.program, atRoot && !entersScope, true);
      // The {{else}} of each/with runs in the outer scope.
      visitProgram(block.inverse, atRoot, true);
    }
  };

  visitProgram(program, true, false);
  return references;
}

