import type { Diagnostic } from '../../diagnostics/index.js';
import { attributeReferences } from '../../render/attribute-references.js';
import { engineFor, type Engines, type TemplateSource } from '../../render/index.js';
import type { Engine } from '../../workspace/index.js';

/** One place where a template reads an attribute, with the template it is in. */
export interface TemplateReference {
  /** From the root, e.g. ['trigger', 'items', 0, 'name']; ends before a computed segment. */
  path: readonly (string | number)[];
  source: TemplateSource;
  /** Where the written path is in `source.text`. */
  offset: number;
  length: number;
}

export interface TemplateAnalysis {
  references: TemplateReference[];
  /** Syntax problems; a template that does not parse has no references. */
  diagnostics: Diagnostic[];
}

/** `customer.first_name`, `trigger.items[0].name`, `@root.trigger.id`, `trigger.items.[0]` as written. */
const writtenPath = /^(?:@root\.)?[A-Za-z_][\w-]*(?:\.[\w-]+|\.?\[[^\]\n]*\])*/;

/** The attributes a template reads, without rendering it (every branch counts), plus its syntax problems. */
export function analyzeTemplate(source: TemplateSource, engine: Engine, engines: Engines): TemplateAnalysis {
  // Compiling is cached by text and reports what parsing alone misses (an unknown Handlebars helper).
  const { diagnostics } = engineFor(engines, engine).compile(source);
  if (diagnostics.length > 0) return { references: [], diagnostics };
  const references = attributeReferences(source, engine, engines).map((reference): TemplateReference => {
    const length = writtenPath.exec(source.text.slice(reference.offset, reference.offset + 512))?.[0].length ?? 1;
    return {
      path: reference.path.map((part) => (typeof part === 'string' && /^\d+$/.test(part) ? Number(part) : part)),
      source,
      offset: reference.offset,
      length,
    };
  });
  return { references, diagnostics };
}
