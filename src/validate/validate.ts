import { uniqueDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import pLimit from 'p-limit';
import type { MjmlCache } from '../email/mjml-cache.js';
import { createEngines, type Engines } from '../render/index.js';
import { languageViews, type Message, type ResolvedConfig, type Workspace } from '../workspace/index.js';
import { providers as registeredProviders, registeredRules } from './registry.js';
import type { CompiledEmail } from '../email/compile-email.js';
import type { CompileMessageEmailOptions, EmailMessage } from '../email/render-email.js';
import type { MjmlRunner } from '../email/mjml-runner.js';
import type { Provider, ProviderContext } from './rule.js';
import { ruleSeverities } from './rule-severities.js';
import { everything, inScope, type Selection } from './selection.js';
import { unknownRuleDiagnostics } from './unknown-rules.js';

export interface ValidateOptions {
  config: ResolvedConfig;
  /** Problems loading txkit.config.yaml (from loadConfig). */
  configDiagnostics: readonly Diagnostic[];
  workspace: Workspace;
  /** What to report; everything by default. */
  selection?: Selection;
  /** Shared engines keep their parse caches across calls (the preview validates on every save). */
  engines?: Engines;
  providers?: readonly Provider[];
  /** Compiled-MJML cache (the CLI's keeps compiled emails on disk); the process-wide one by default. */
  mjmlCache?: MjmlCache;
  /** Where mjml runs; in this thread by default (the preview passes its worker). */
  mjml?: MjmlRunner;
  /** Receives the configuration's problems and each message's, severities applied (the result cache keeps them). */
  onResults?: (results: ValidationResults) => void;
}

export interface ValidationResults {
  config: Diagnostic[];
  /** By message id, for every selected message, broken ones included. */
  messages: ReadonlyMap<string, Diagnostic[]>;
}

/**
 * Messages checked at once: enough to overlap file reads with rendering, few enough that a
 * thousand-message workspace does not hold every compiled email and render in memory at once.
 */
const messageConcurrency = 8;

async function checkMessage(
  message: Message,
  providers: readonly Provider[],
  context: Omit<ProviderContext, 'compiledEmail'>,
  compile: CompileMessageEmailOptions,
): Promise<Diagnostic[]> {
  // A provider whose rules are all off has nothing to say: skip its work (a render, a compile).
  const active = providers.filter((provider) => provider.rules.some((rule) => context.isEnabled(rule.meta.id)));
  // Every language is checked as it is sent; what two languages share is reported once (uniqueDiagnostics).
  const produced = await Promise.all(
    languageViews(message).map((view) => {
      // The email and compat providers share one compile per language, held only while this message is checked.
      let compiled: Promise<CompiledEmail> | undefined;
      const compiledEmail = (email: EmailMessage) =>
        (compiled ??= import('../email/render-email.js').then(({ compileMessageEmail }) => compileMessageEmail(email, compile)));
      return Promise.all(active.map((provider) => provider.check(view, { ...context, compiledEmail })));
    }),
  );
  return [...message.diagnostics, ...produced.flat(2)];
}

/**
 * Validates the selected messages of a loaded workspace: load problems, then every provider's
 * rules, with txkit.config.yaml's severities applied. Returns diagnostics in no particular
 * order (formatters sort them).
 */
export async function validate(options: ValidateOptions): Promise<Diagnostic[]> {
  const { config, workspace, selection = everything } = options;
  const providers = options.providers ?? registeredProviders;
  const rules = registeredRules(providers);
  const severities = ruleSeverities(config.rules, rules);
  const context: Omit<ProviderContext, 'compiledEmail'> = {
    engines: options.engines ?? createEngines(undefined, config),
    config,
    isEnabled: severities.isEnabled,
  };
  const compile: CompileMessageEmailOptions = { ...(options.mjmlCache ? { cache: options.mjmlCache } : {}), ...(options.mjml ? { mjml: options.mjml } : {}) };
  const isSelected = (id: string) => selection.messages === undefined || selection.messages.has(id);
  const scopeOf = (id: string) => selection.messages?.get(id);

  const configProblems = selection.config ? [...options.configDiagnostics, ...(await unknownRuleDiagnostics(config, rules))] : [];
  const broken = workspace.broken
    .filter((message) => isSelected(message.id))
    .map((message) => [message.id, inScope(message.diagnostics, scopeOf(message.id))] as const);
  const limit = pLimit(messageConcurrency);
  const checked = await Promise.all(
    workspace.messages
      .filter((message) => isSelected(message.id))
      .map((message) => limit(async () => [message.id, inScope(await checkMessage(message, providers, context, compile), scopeOf(message.id))] as const)),
  );
  const byMessage = [...broken, ...checked];
  options.onResults?.({
    config: severities.apply(uniqueDiagnostics(configProblems)),
    messages: new Map(byMessage.map(([id, diagnostics]) => [id, severities.apply(uniqueDiagnostics(diagnostics))])),
  });
  return severities.apply(uniqueDiagnostics([...configProblems, ...byMessage.flatMap(([, diagnostics]) => diagnostics)]));
}
