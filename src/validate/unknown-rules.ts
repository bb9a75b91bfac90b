import type { Diagnostic, RuleMeta } from '../diagnostics/index.js';
import { fileSizeLimits, parseYaml, readWorkspaceFile, type ResolvedConfig } from '../workspace/index.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { configSchema } from '../workspace/rules/index.js';

/**
 * `rules:` entries in txkit.config.yaml that name no rule, as `config/schema` diagnostics on
 * their key: a misspelt id would otherwise silently configure nothing.
 */
export async function unknownRuleDiagnostics(config: ResolvedConfig, rules: readonly RuleMeta[]): Promise<Diagnostic[]> {
  const ids = rules.map((rule) => rule.id);
  const unknown = Object.keys(config.rules).filter((id) => !ids.includes(id));
  if (unknown.length === 0 || !config.configFile) return [];
  // The config loaded fine (it has rules), so reading it again for positions succeeds too.
  const read = await readWorkspaceFile(config.configFile, { root: config.projectRoot, maxBytes: fileSizeLimits.settings, configuration: true });
  const document = read.text === undefined ? undefined : parseYaml(config.configFile, read.text.replace(/^\uFEFF/, '')).document;
  return unknown.map((id) => {
    const suggestion = didYouMean(id, ids);
    return {
      ruleId: configSchema.meta.id,
      severity: configSchema.meta.defaultSeverity,
      message: `unknown rule "${id}" in \`rules\``,
      file: config.configFile!,
      ...(document?.locate(['rules', id], 'key') ?? { line: 1, column: 1 }),
      hint: suggestion ? `did you mean "${suggestion}"?` : 'run `txkit rules` to list the rule ids',
    };
  });
}
