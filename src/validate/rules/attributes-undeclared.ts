import { templateDiagnostic } from '../../render/index.js';
import { isNamespace, resolvePath, type PathResolution } from '../attributes/declarations.js';
import type { AttributeFacts } from '../attributes/attribute-facts.js';
import { didYouMean } from '../did-you-mean.js';
import type { CheckRule } from '../rule.js';

function describe(resolution: Extract<PathResolution, { kind: 'undeclared' }>): { message: string; hint: string } {
  const suggestion = didYouMean(resolution.name, resolution.known);
  const atTop = !resolution.owner.includes('.') && !resolution.owner.endsWith('[]');
  return {
    message: `\`${resolution.owner}.${resolution.name}\` is not declared in message.yaml`,
    hint: suggestion
      ? `did you mean \`${resolution.owner}.${suggestion}\`?`
      : atTop
        ? `declare it under attributes.${resolution.owner} in message.yaml, e.g. ${resolution.name}: { type: string }`
        : `declare it in the fields of ${resolution.owner.replace(/\[\]$/, '')} in message.yaml`,
  };
}

export const attributesUndeclared: CheckRule<AttributeFacts> = {
  meta: {
    id: 'attributes/undeclared',
    defaultSeverity: 'error',
    docs: 'templates read only attributes (and fields) declared in message.yaml',
  },
  check(facts) {
    return facts.references.flatMap((reference) => {
      const [namespace, ...rest] = reference.path;
      if (!isNamespace(namespace)) return [];
      const resolution = resolvePath(facts.message.definition, namespace, rest);
      if (resolution.kind !== 'undeclared') return [];
      return [
        templateDiagnostic(reference.source, {
          ruleId: attributesUndeclared.meta.id,
          severity: attributesUndeclared.meta.defaultSeverity,
          offset: reference.offset,
          length: reference.length,
          ...describe(resolution),
        }),
      ];
    });
  },
};
