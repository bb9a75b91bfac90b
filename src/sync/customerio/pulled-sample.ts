import { attributeReferences } from '../../render/attribute-references.js';
import { fileTemplateSource, type Engines } from '../../render/index.js';

/**
 * A sample with every `customer.*` / `trigger.*` attribute the templates read, values left empty
 * to fill in; a translation's sample names its language.
 */
export function sampleFor(templates: readonly string[], engines: Engines, file: string, language?: string): string {
  const data: Record<string, Record<string, unknown>> = { customer: {}, trigger: {} };
  for (const text of templates) {
    for (const { path: attributePath } of attributeReferences(fileTemplateSource(file, text), 'liquid', engines)) {
      let node = data as Record<string, unknown>;
      const names = attributePath.filter((segment): segment is string => typeof segment === 'string');
      names.forEach((name, index) => {
        const existing = node[name];
        if (index === names.length - 1) {
          if (existing === undefined) node[name] = '';
        } else {
          if (typeof existing !== 'object' || existing === null) node[name] = {};
          node = node[name] as Record<string, unknown>;
        }
      });
    }
  }
  return `${JSON.stringify(language === undefined ? data : { language, ...data }, null, 2)}\n`;
}

/** Pulled text files end with a newline, as the workspace's own do. */
export const withNewline = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
