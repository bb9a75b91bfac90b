import type { Diagnostic, IsRuleEnabled, Rule } from '../diagnostics/index.js';
import type { CompiledEmail } from '../email/compile-email.js';
import type { EmailMessage } from '../email/render-email.js';
import type { Engines } from '../render/index.js';
import type { Message, ResolvedConfig } from '../workspace/index.js';
import type { MessageTemplate } from './message-templates.js';

export interface ProviderContext {
  engines: Engines;
  config: ResolvedConfig;
  /** False when txkit.config.yaml turns the rule off: its work can be skipped. */
  isEnabled: IsRuleEnabled;
  /** The message's email compiled once for every provider that checks it (through validate's `mjmlCache`, else the process-wide cache). */
  compiledEmail: (message: EmailMessage) => Promise<CompiledEmail>;
  /** `messageTemplatesWithPartials` of a message (or a view of it), read once for every provider that asks while the message is checked. */
  templatesWithPartials: (message: Message) => Promise<MessageTemplate[]>;
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
