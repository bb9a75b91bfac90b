import type { Diagnostic, Severity } from '../diagnostics/index.js';
import type { CompiledEmail } from '../email/compile-email.js';
import type { EmailMessage } from '../email/render-email.js';
import type { Engines } from '../render/index.js';
import type { Message, ResolvedConfig } from '../workspace/index.js';

/** What `txkit rules` shows and what `rules:` in txkit.config.yaml refers to. */
export interface RuleMeta {
  /** `<group>/<name>`, the id diagnostics carry. */
  id: string;
  /** The severity its diagnostics have unless txkit.config.yaml says otherwise. */
  defaultSeverity: Severity;
  /** One line: what the rule reports. */
  docs: string;
  /** Whether a future `--fix` could repair it automatically. */
  fixable?: boolean;
}

/**
 * A rule whose diagnostics another module produces while doing its own work: the loader
 * (`syntax/yaml`), the engines (`syntax/liquid`), the email or SMS checks (`email/size`).
 */
export interface Rule {
  meta: RuleMeta;
}

/** A rule that checks the facts its provider computed once per message. */
export interface CheckRule<Facts> extends Rule {
  check(facts: Facts): Diagnostic[];
}

export interface ProviderContext {
  engines: Engines;
  config: ResolvedConfig;
  /** False when txkit.config.yaml turns the rule off: its work can be skipped. */
  isEnabled: (ruleId: string) => boolean;
  /** The message's email compiled once for every provider that checks it (through validate's `mjmlCache`, else the process-wide cache). */
  compiledEmail: (message: EmailMessage) => Promise<CompiledEmail>;
}

/**
 * A group of rules that share one expensive computation per message (parse the templates,
 * compile the email, render each sample), so adding a rule never adds a render.
 */
export interface Provider {
  id: string;
  rules: readonly Rule[];
  check(message: Message, context: ProviderContext): Promise<Diagnostic[]>;
}
