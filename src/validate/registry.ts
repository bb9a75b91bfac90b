import type { RuleMeta } from '../diagnostics/index.js';
import { workspaceRules } from '../workspace/rules/index.js';
import { compatProvider } from './providers/compat-provider.js';
import { emailProvider } from './providers/email.js';
import { languagesProvider } from './providers/languages.js';
import { platformTargetsProvider } from './providers/platform-targets.js';
import { smsProvider } from './providers/sms.js';
import { templateAnalysisProvider } from './providers/template-analysis.js';
import { whatsappProvider } from './providers/whatsapp.js';
import type { Provider } from './rule.js';

/**
 * Every rule lives in a module of the layer that produces its diagnostics
 * (`src/<layer>/rules/<group>-<name>.ts`); the registry gathers them: the loader's rules, then
 * those of each provider `txkit validate` runs on every message, each computing its facts once.
 */
export const providers: readonly Provider[] = [
  templateAnalysisProvider,
  emailProvider,
  compatProvider,
  smsProvider,
  whatsappProvider,
  platformTargetsProvider,
  languagesProvider,
];

function uniqueById(metas: RuleMeta[]): RuleMeta[] {
  return [...new Map(metas.map((meta) => [meta.id, meta])).values()];
}

/** Every rule id txkit can report, in a stable order: load rules, then each provider's. */
export function registeredRules(active: readonly Provider[] = providers): RuleMeta[] {
  return uniqueById([...workspaceRules, ...active.flatMap((provider) => provider.rules)].map((rule) => rule.meta));
}
