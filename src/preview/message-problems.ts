import type { Diagnostic } from '../diagnostics/index.js';
import type { MjmlRunner } from '../email/mjml-runner.js';
import type { Engines } from '../render/index.js';
import { registeredRules } from '../validate/registry.js';
import { ruleSeverities } from '../validate/rule-severities.js';
import { validate } from '../validate/validate.js';
import { isBroken, type BrokenMessage, type Message, type ResolvedConfig } from '../workspace/index.js';

export interface MessageProblems {
  /** What `txkit validate` reports for this message (load problems and every rule), severities configured. */
  validate(message: Message | BrokenMessage): Promise<Diagnostic[]>;
  /** txkit.config.yaml's rule severities applied to diagnostics the preview produced itself (render problems). */
  configure(diagnostics: readonly Diagnostic[]): Diagnostic[];
}

/**
 * The preview lists exactly what `txkit validate` would say about a message, so a template
 * that looks clean in the preview passes the pre-commit hook.
 */
export function messageProblems(config: ResolvedConfig, engines: Engines, mjml: MjmlRunner): MessageProblems {
  const severities = ruleSeverities(config.rules, registeredRules());
  return {
    async validate(message) {
      const workspace = isBroken(message)
        ? { root: config.workspace, config, messages: [], broken: [message] }
        : { root: config.workspace, config, messages: [message], broken: [] };
      return validate({ config, configDiagnostics: [], workspace, selection: { config: false }, engines, mjml });
    },
    configure: (diagnostics) => severities.apply(diagnostics),
  };
}
