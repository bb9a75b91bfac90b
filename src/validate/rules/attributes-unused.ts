import type { Diagnostic } from '../../diagnostics/index.js';
import type { AttributeFacts } from '../attributes/attribute-facts.js';
import { declaredAttributes, isNamespace, namespaces, type Namespace } from '../../workspace/attributes/declarations.js';
import type { CheckRule } from '../../diagnostics/index.js';

/** Top-level attribute names the templates read; a namespace read whole (`{{#with customer}}`) uses all of them. */
function usedNames(facts: AttributeFacts): Map<Namespace, Set<string> | 'all'> {
  const used = new Map<Namespace, Set<string> | 'all'>(namespaces.map((namespace) => [namespace, new Set<string>()]));
  for (const { path } of facts.references) {
    const [root, name] = path;
    if (!isNamespace(root)) continue;
    const names = used.get(root);
    if (names === 'all') continue;
    if (name === undefined || typeof name === 'number') used.set(root, 'all');
    else names?.add(name);
  }
  return used;
}

export const attributesUnused: CheckRule<AttributeFacts> = {
  meta: {
    id: 'attributes/unused',
    defaultSeverity: 'warning',
    docs: 'every attribute declared in message.yaml is read by a template',
  },
  check(facts) {
    // With a template that does not parse, a use may be hiding in it.
    if (!facts.complete) return [];
    const { message } = facts;
    const used = usedNames(facts);
    return namespaces.flatMap((namespace) => {
      const names = used.get(namespace)!;
      if (names === 'all') return [];
      return Object.keys(declaredAttributes(message.definition, namespace))
        .filter((name) => !names.has(name))
        .map((name): Diagnostic => ({
          ruleId: attributesUnused.meta.id,
          severity: attributesUnused.meta.defaultSeverity,
          message: `\`${namespace}.${name}\` is declared but no template reads it`,
          file: message.file,
          ...message.document.locate(['attributes', namespace, name], 'key'),
          hint: 'remove the declaration, or, when the platform reads it outside the templates (a recipient address), set "attributes/unused": off in txkit.config.yaml',
        }));
    });
  },
};
