import { uniqueDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import pLimit from 'p-limit';
import type { MjmlCache } from '../email/mjml-cache.js';
import { createEngines, type Engines } from '../render/index.js';
import { isBroken, languageViews, type BrokenMessage, type Message, type ResolvedConfig, type Workspace } from '../workspace/index.js';
import { providers as registeredProviders, registeredRules } from './registry.js';
import type { CompiledEmail } from '../email/compile-email.js';
import type { CompileMessageEmailOptions, EmailMessage } from '../email/render-email.js';
import type { MjmlRunner } from '../email/mjml-runner.js';
import type { Provider, ProviderContext } from './rule.js';
import { messageTemplatesWithPartials, type MessageTemplate } from './message-templates.js';
import { ruleSeverities } from './rule-severities.js';
import { everything, inScope, type Selection } from './selection.js';
import { unknownRuleDiagnostics } from './unknown-rules.js';

interface CheckOptions {
  config: ResolvedConfig;
  /** Problems loading txkit.config.yaml (from loadConfig). */
  configDiagnostics: readonly Diagnostic[];
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

export interface ValidateOptions extends CheckOptions {
  workspace: Workspace;
}

/** A message folder loaded when its turn to be checked comes. */
export interface MessageSource {
  id: string;
  load(): Promise<Message | BrokenMessage>;
}

export interface ValidateSourcesOptions extends CheckOptions {
  messages: readonly MessageSource[];
  /** Called with each message once it is checked, before it is let go (the result cache lists the files it was read from). */
  onChecked?: (message: Message | BrokenMessage) => Promise<void>;
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
  context: Omit<ProviderContext, 'compiledEmail' | 'templatesWithPartials'>,
  compile: CompileMessageEmailOptions,
): Promise<Diagnostic[]> {
  // A provider whose rules are all off has nothing to say: skip its work (a render, a compile).
  const active = providers.filter((provider) => provider.rules.some((rule) => context.isEnabled(rule.meta.id)));
  // Templates with their partials inlined, read once per message or view while this message is checked.
  const expanded = new Map<Message, Promise<MessageTemplate[]>>();
  const templatesWithPartials = (view: Message) => {
    let templates = expanded.get(view);
    if (!templates) expanded.set(view, (templates = messageTemplatesWithPartials(view, context.config.workspace)));
    return templates;
  };
  // Every language is checked as it is sent; what two languages share is reported once (uniqueDiagnostics).
  const produced = await Promise.all(
    languageViews(message).map((view) => {
      // The email and compat providers share one compile per language, held only while this message is checked.
      let compiled: Promise<CompiledEmail> | undefined;
      const compiledEmail = (email: EmailMessage) =>
        (compiled ??= import('../email/render-email.js').then(({ compileMessageEmail }) => compileMessageEmail(email, compile)));
      return Promise.all(active.map((provider) => provider.check(view, { ...context, compiledEmail, templatesWithPartials })));
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
  const { workspace, ...rest } = options;
  const loaded = (message: Message | BrokenMessage): MessageSource => ({ id: message.id, load: () => Promise.resolve(message) });
  return validateSources({ ...rest, messages: [...workspace.broken, ...workspace.messages].map(loaded) });
}

/**
 * As validate, loading each message when its turn comes and letting it go once checked: the
 * CLI's memory stays flat however many messages the workspace holds.
 */
export async function validateSources(options: ValidateSourcesOptions): Promise<Diagnostic[]> {
  const { config, selection = everything } = options;
  const providers = options.providers ?? registeredProviders;
  const rules = registeredRules(providers);
  const severities = ruleSeverities(config.rules, rules);
  const context: Omit<ProviderContext, 'compiledEmail' | 'templatesWithPartials'> = {
    engines: options.engines ?? createEngines(undefined, config),
    config,
    isEnabled: severities.isEnabled,
  };
  const compile: CompileMessageEmailOptions = { ...(options.mjmlCache ? { cache: options.mjmlCache } : {}), ...(options.mjml ? { mjml: options.mjml } : {}) };
  const isSelected = (id: string) => selection.messages === undefined || selection.messages.has(id);

  const configProblems = selection.config ? [...options.configDiagnostics, ...(await unknownRuleDiagnostics(config, rules))] : [];
  const limit = pLimit(messageConcurrency);
  const byMessage = await Promise.all(
    options.messages
      .filter((source) => isSelected(source.id))
      .map((source) =>
        limit(async () => {
          const message = await source.load();
          const diagnostics = isBroken(message) ? message.diagnostics : await checkMessage(message, providers, context, compile);
          await options.onChecked?.(message);
          return [message.id, inScope(diagnostics, selection.messages?.get(message.id))] as const;
        }),
      ),
  );
  options.onResults?.({
    config: severities.apply(uniqueDiagnostics(configProblems)),
    messages: new Map(byMessage.map(([id, diagnostics]) => [id, severities.apply(uniqueDiagnostics(diagnostics))])),
  });
  return severities.apply(uniqueDiagnostics([...configProblems, ...byMessage.flatMap(([, diagnostics]) => diagnostics)]));
}
