import { compatProvider } from './providers/compat-provider.js';
import { emailProvider } from './providers/email.js';
import { platformTargetsProvider } from './providers/platform-targets.js';
import { smsProvider } from './providers/sms.js';
import { templateAnalysisProvider } from './providers/template-analysis.js';
import type { Provider, RuleMeta } from './rule.js';
import { configSchema } from './rules/config-schema.js';
import { samplesShape } from './rules/samples-shape.js';
import { schemaMessage } from './rules/schema-message.js';
import { syntaxJson } from './rules/syntax-json.js';
import { syntaxYaml } from './rules/syntax-yaml.js';
import { workspaceMissingFile } from './rules/workspace-missing-file.js';
import { workspacePath } from './rules/workspace-path.js';
import { workspaceRead } from './rules/workspace-read.js';

/** Rules whose diagnostics come from loading txkit.config.yaml and the workspace. */
const loadRules = [configSchema, syntaxYaml, schemaMessage, syntaxJson, samplesShape, workspaceMissingFile, workspacePath, workspaceRead];

/** The providers `txkit validate` runs on every message, each computing its facts once. */
export const providers: readonly Provider[] = [templateAnalysisProvider, emailProvider, compatProvider, smsProvider, platformTargetsProvider];

function uniqueById(metas: RuleMeta[]): RuleMeta[] {
  return [...new Map(metas.map((meta) => [meta.id, meta])).values()];
}

/** Every rule id txkit can report, in a stable order: load rules, then each provider's. */
export function registeredRules(active: readonly Provider[] = providers): RuleMeta[] {
  return uniqueById([...loadRules, ...active.flatMap((provider) => provider.rules)].map((rule) => rule.meta));
}
