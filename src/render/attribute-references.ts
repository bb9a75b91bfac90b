import { offsetAt } from '../diagnostics/index.js';
import type { Engine } from '../workspace/message-schema.js';
import type { Engines } from './engines.js';
import { collectPathReferences } from './handlebars/path-references.js';
import { liquidAttributePaths } from './liquid-attribute-paths.js';
import type { TemplateSource } from '../workspace/template-source.js';
import { isNamespace } from '../workspace/attributes/declarations.js';

/** A place where a template reads an attribute of the root context (`customer.*`, `trigger.*`). */
export interface AttributeReference {
  /**
   * Path from the root: ['customer', 'first_name'], ['trigger', 'items', 0, 'name']; stops before a
   * dynamic index. A field read through a loop variable has index 0 for "each element".
   */
  path: (string | number)[];
  /** UTF-16 offset in the template text where the reference starts. */
  offset: number;
}

/**
 * The attributes a template reads, in text order, found statically (no data needed): in
 * output, conditions, loops and filter arguments alike. A template that does not parse has none.
 */
export function attributeReferences(source: TemplateSource, engine: Engine, engines: Engines): AttributeReference[] {
  const references = engine === 'liquid' ? liquidReferences(source, engines) : handlebarsReferences(source, engines);
  return references.filter((reference) => isNamespace(reference.path[0])).sort((a, b) => a.offset - b.offset);
}

function liquidReferences(source: TemplateSource, engines: Engines): AttributeReference[] {
  const { templates } = engines.liquid.parse(source);
  if (!templates) return [];
  return liquidAttributePaths(engines.liquid.liquid, templates).map(({ path, row, col }) => ({
    path,
    offset: offsetAt(source.text, { line: row, column: col }),
  }));
}

function handlebarsReferences(source: TemplateSource, engines: Engines): AttributeReference[] {
  const { ast } = engines.handlebars.parse(source);
  if (!ast) return [];
  // Handlebars columns are 0-based.
  return collectPathReferences(ast).map((reference) => ({
    path: reference.parts,
    offset: offsetAt(source.text, { line: reference.loc.line, column: reference.loc.column + 1 }),
  }));
}
