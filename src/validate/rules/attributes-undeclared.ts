import { templateDiagnostic } from '../../render/index.js';
import { isInside } from '../../workspace/index.js';
import { isNamespace, resolvePath, type PathResolution } from '../../workspace/attributes/declarations.js';
import type { AttributeFacts } from '../attributes/attribute-facts.js';
import { didYouMean } from '../../diagnostics/did-you-mean.js';
import type { CheckRule } from '../../diagnostics/index.js';

/** `where` names the message.yaml to fix when the use is in a shared partial. */
function describe(resolution: Extract<PathResolution, { kind: 'undeclared' }>, where: string): { message: string; hint: string } {
  const suggestion = didYouMean(resolution.name, resolution.known);
  const atTop = !resolution.owner.includes('.') && !resolution.owner.endsWith('[]');
  return {
    message: `\`${resolution.owner}.${resolution.name}\` is not declared in ${where}`,
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
    const { message } = facts;
    return facts.references.flatMap((reference) => {
      const [namespace, ...rest] = reference.path;
      if (!isNamespace(namespace)) return [];
      const resolution = resolvePath(message.definition, namespace, rest);
      if (resolution.kind !== 'undeclared') return [];
      const file = reference.source.locate(reference.offset).file ?? reference.source.file;
      const where = isInside(message.dir, file) ? 'message.yaml' : `${message.id}/message.yaml`;
      return [
        templateDiagnostic(reference.source, {
          ruleId: attributesUndeclared.meta.id,
          severity: attributesUndeclared.meta.defaultSeverity,
          offset: reference.offset,
          length: reference.length,
          ...describe(resolution, where),
        }),
      ];
    });
  },
};
