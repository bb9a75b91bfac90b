/** A construct of the template that txkit cannot render as SFMC would: where, and what to use instead. */
export interface UnsupportedConstruct {
  /** 1-based line, 0-based column (Handlebars' convention); or `offset` for text found before parsing. */
  loc?: { line: number; column: number };
  offset?: number;
  length: number;
  message: string;
  hint: string;
}

// GTL's `=` prefix (function tags, `{{=<% %>=}}` set delimiters, `{{#=` block helpers) is not Handlebars syntax.
const equalsTag = /\{\{~?\s*#?=/;

/** GTL syntax the Handlebars parser would only call a parse error: found in the text, so the message can name it. */
export function unsupportedSyntax(text: string): UnsupportedConstruct | undefined {
  const match = equalsTag.exec(text);
  if (!match) return undefined;
  return {
    offset: match.index,
    length: match[0].length,
    message: 'GTL function, set-delimiter and `#=` block-helper tags ({{= … }}) are not supported',
    hint: 'keep the {{ }} delimiters and use the documented block helpers (if, unless, each, with, switch/case)',
  };
}

/**
 * Partials and decorators (no partial is registered, so SFMC's content-block partials cannot
 * resolve here), and `{{#case}}` outside a `{{#switch}}`: the first one, in text order.
 */
export function unsupportedConstruct(program: hbs.AST.Program): UnsupportedConstruct | undefined {
  let found: UnsupportedConstruct | undefined;
  const visit = (node: hbs.AST.Node, inSwitch: boolean): void => {
    if (found) return;
    const at = { loc: node.loc.start, length: 2 };
    if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
      found = {
        ...at,
        message: 'partials ({{> name}}) are not supported',
        hint: 'share email markup with <mj-include>; SFMC content-block partials do not resolve in txkit',
      };
    } else if (node.type === 'DecoratorBlock' || node.type === 'Decorator') {
      found = {
        ...at,
        message: 'inline partials and decorators ({{#* …}}) are not supported',
        hint: 'GTL documents no decorators; repeat the markup or use {{#each}}',
      };
    } else if (node.type === 'BlockStatement') {
      const block = node as hbs.AST.BlockStatement;
      const name = block.path.original;
      if (name === 'case' && !inSwitch) {
        found = { ...at, message: '{{#case}} outside a {{#switch}} block', hint: 'wrap the cases in {{#switch value}} … {{/switch}}' };
        return;
      }
      // A case belongs to the nearest switch; each and with keep it (the switch travels in the data frame).
      const bodyInSwitch = name === 'switch' || (inSwitch && name !== 'case');
      for (const child of block.program?.body ?? []) visit(child, bodyInSwitch);
      for (const child of block.inverse?.body ?? []) visit(child, inSwitch);
    }
  };
  for (const statement of program.body) visit(statement, false);
  return found;
}
