import { existsSync } from 'node:fs';
import path from 'node:path';
import { uniqueDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import type { CompiledEmail } from '../email/index.js';
import { createMjmlWorker } from '../email/mjml-worker.js';
import { createEngines, type Engines } from '../render/index.js';
import {
  defaultLanguageOf,
  defaultSample,
  inLanguage,
  isBroken,
  languageViews,
  listMessageDirs,
  loadMessage,
  messageFileName,
  WorkspaceNotFoundError,
  type BrokenMessage,
  type Message,
  type ResolvedConfig,
  type Sample,
} from '../workspace/index.js';
import { affectedMessageDirs, type MessageDependencies } from './affected-messages.js';
import type { DiagnosticCounts, MessageSummary, MessageView, WorkspaceSnapshot, WorkspaceUpdate } from './api-types.js';
import { messageProblems, type MessageProblems } from './message-problems.js';
import {
  brokenMessageView,
  brokenSampleNames,
  brokenSampleView,
  channelsOf,
  compileFor,
  countDiagnostics,
  messageView,
  renderSample,
  type SampleRender,
} from './message-view.js';

/** An email whose compile takes longer is reported as over the limit rather than freezing the preview (1 MB of MJML: ~4 s). */
const mjmlDeadlineMs = 15_000;

/** One version of a message, with what has been computed about it so far. */
interface Entry {
  message: Message | BrokenMessage;
  dependencies: MessageDependencies;
  /** The email compiled per language: the default one started when the version is loaded, awaited by the first render; a translation's when first rendered. */
  compiled: Map<string, Promise<CompiledEmail | undefined>>;
  /** Renders by language and sample name (`fr\0standard-fr`; no name for a message without samples), made when first asked for. */
  renders: Map<string, Promise<SampleRender>>;
  /** What validation said about this version or, until `current`, about the previous one. */
  validated: Diagnostic[];
  current: boolean;
  counts: DiagnosticCounts;
}

function dependenciesOf(message: Message | BrokenMessage): MessageDependencies {
  if (isBroken(message)) return { dir: message.dir, files: new Set([message.file]), includesPartials: false };
  const files = [
    message.file,
    ...[message, ...(message.translations ?? [])].flatMap((content) => [content.email?.body.file, content.email?.text?.file, content.sms?.body.file]),
    message.whatsapp?.body.file,
    ...message.samples.map((sample) => sample.file),
  ];
  return {
    dir: message.dir,
    files: new Set(files.filter((file): file is string => file !== undefined)),
    includesPartials: message.email?.bodyKind === 'mjml',
  };
}

/**
 * The preview's state: every message of the workspace, with what `txkit validate` says about
 * it. A save reloads only the messages it concerns (`reload`, quick: the open page asks for
 * its view at once, and only the sample it shows is rendered for it), then validates and
 * renders every sample of them (`validateChanged`: the problem list and the sidebar counts
 * follow). Everything else is served from what was computed before.
 */
export class PreviewWorkspace {
  readonly root: string;
  readonly #config: ResolvedConfig;
  readonly #engines: Engines;
  readonly #problems: MessageProblems;
  readonly #entries = new Map<string, Entry>();
  /** mjml runs off the main thread, so the server keeps answering while a big email compiles, and an overrun is stopped. */
  readonly #mjml = createMjmlWorker({ deadlineMs: mjmlDeadlineMs });
  /** Callbacks waiting for a view of a message to be served (see whenViewed). */
  readonly #viewWaiters = new Set<(id: string) => void>();
  #revision = 0;

  private constructor(config: ResolvedConfig, engines: Engines) {
    this.root = config.workspace;
    this.#config = config;
    this.#engines = engines;
    this.#problems = messageProblems(config, engines, this.#mjml.run);
  }

  /** Loads, renders and validates the whole workspace; throws WorkspaceNotFoundError when the folder is missing. */
  static async open(config: ResolvedConfig, engines: Engines = createEngines(undefined, config)): Promise<PreviewWorkspace> {
    if (!existsSync(config.workspace)) throw new WorkspaceNotFoundError(config.workspace);
    const workspace = new PreviewWorkspace(config, engines);
    const dirs = await listMessageDirs(config.workspace);
    const messages = await Promise.all(dirs.map((dir) => loadMessage(dir, config)));
    for (const message of messages) workspace.#entries.set(message.id, workspace.#entry(message));
    await workspace.validateChanged();
    return workspace;
  }

  /** Stops the mjml worker (a compile still running fails). */
  close(): Promise<void> {
    return this.#mjml.close();
  }

  snapshot(): WorkspaceSnapshot {
    const messages = [...this.#entries.values()].map((entry) => this.#summary(entry)).sort((a, b) => a.id.localeCompare(b.id));
    return { root: this.root, revision: this.#revision, messages };
  }

  /**
   * The message in `language` (default: the named sample's, else the message's default; as
   * `txkit render --language` picks it) rendered with `sample`, one of that language's
   * (default: "standard", else "default", else the first); undefined for an unknown message,
   * language or sample.
   */
  async view(id: string, sample?: string, language?: string): Promise<MessageView | undefined> {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    const context = { root: this.root, revision: this.#revision, config: this.#config };
    const { message } = entry;
    if (isBroken(message)) return brokenMessageView(message, entry.current ? entry.validated : this.#problems.configure(message.diagnostics), context);
    const named = sample ? message.samples.find((candidate) => candidate.name === sample) : undefined;
    const shown = inLanguage(message, language || (named?.language ?? defaultLanguageOf(message)));
    if (!shown) return undefined;
    const chosen = sample === undefined || sample === '' ? defaultSample(shown) : shown.samples.find((candidate) => candidate.name === sample);
    if (sample && !chosen) {
      if (!brokenSampleNames(message).includes(sample)) return undefined;
      return brokenSampleView(shown, message, sample, this.#diagnostics(entry, message, { sample: undefined, diagnostics: [] }), context);
    }
    const render = await this.#render(entry, shown, chosen);
    const view = messageView(shown, message, render, this.#diagnostics(entry, shown, render), context);
    for (const waiter of this.#viewWaiters) waiter(id);
    return view;
  }

  /**
   * Resolves once a view of one of `ids` has been served (an open page fetched the new
   * render), or after `timeoutMs`. Validation waits for it: it takes the CPU for a while, and
   * the page should have its update first.
   */
  whenViewed(ids: readonly string[], timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#viewWaiters.delete(waiter);
        resolve();
      };
      const waiter = (id: string) => {
        if (ids.includes(id)) done();
      };
      const timer = setTimeout(done, timeoutMs);
      this.#viewWaiters.add(waiter);
    });
  }

  /** The template files of a known message: message.yaml and the bodies and text versions it names (samples excluded). */
  templateFiles(id: string): string[] | undefined {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    const { message } = entry;
    if (isBroken(message)) return [message.file];
    const files = [message.file, message.email?.body.file, message.email?.text?.file, message.sms?.body.file, message.whatsapp?.body.file];
    return [...new Set(files.filter((file): file is string => file !== undefined))];
  }

  /** The folder of a known message (loadable or not). */
  messageDir(id: string): string | undefined {
    return this.#entries.get(id)?.message.dir;
  }

  /**
   * Reloads the messages the changed files concern. Their problem lists keep the last
   * validation's findings (plus the new load and render problems) until `validateChanged`
   * runs. Returns what changed for the UI, or undefined when the files concern no message.
   */
  async reload(changedFiles: readonly string[]): Promise<WorkspaceUpdate | undefined> {
    const known = [...this.#entries.values()].map((entry) => entry.dependencies);
    const dirs = affectedMessageDirs(this.root, changedFiles, known);
    const loaded = await Promise.all(
      [...dirs].map(async (dir) => ({ id: path.basename(dir), message: this.#isMessageDir(dir) ? await loadMessage(dir, this.#config) : undefined })),
    );
    const changed: string[] = [];
    const removed: string[] = [];
    for (const { id, message } of loaded) {
      if (message) {
        this.#entries.set(id, this.#entry(message, this.#entries.get(id)));
        changed.push(id);
      } else if (this.#entries.delete(id)) {
        removed.push(id);
      }
    }
    return this.#update(changed, removed);
  }

  /**
   * Validates, and renders with every sample, the messages whose current version has not been
   * validated yet. Stops early when `yieldTo()` says newer changes wait: those messages stay
   * unvalidated for the next call.
   */
  async validateChanged(yieldTo: () => boolean = () => false): Promise<WorkspaceUpdate | undefined> {
    const changed: string[] = [];
    for (const [id, entry] of this.#entries) {
      if (entry.current) continue;
      if (yieldTo()) break;
      entry.validated = await this.#problems.validate(entry.message);
      entry.current = true;
      const { message } = entry;
      if (isBroken(message)) {
        entry.counts = countDiagnostics(entry.validated);
      } else {
        // Each language with its own samples, as the preview shows them.
        const renders = await Promise.all(
          languageViews(message).flatMap((shown) =>
            (shown.samples.length > 0 ? shown.samples : [undefined]).map(async (sample) =>
              this.#diagnostics(entry, shown, await this.#render(entry, shown, sample)),
            ),
          ),
        );
        entry.counts = countDiagnostics(uniqueDiagnostics(renders.flat()));
      }
      changed.push(id);
    }
    return this.#update(changed, []);
  }

  /** The errors validation found in a message's current version (none before it has run). */
  validationErrors(id: string): Diagnostic[] {
    return this.#entries.get(id)?.validated.filter((diagnostic) => diagnostic.severity === 'error') ?? [];
  }

  #update(changed: string[], removed: string[]): WorkspaceUpdate | undefined {
    if (changed.length === 0 && removed.length === 0) return undefined;
    this.#revision++;
    return { ...this.snapshot(), changed: changed.sort(), removed: removed.sort() };
  }

  /** The same test listMessageDirs applies: a direct sub-folder, not `_` or `.`, with a message.yaml. */
  #isMessageDir(dir: string): boolean {
    const name = path.basename(dir);
    return path.dirname(dir) === this.root && !name.startsWith('_') && !name.startsWith('.') && existsSync(path.join(dir, messageFileName));
  }

  #entry(message: Message | BrokenMessage, previous?: Entry): Entry {
    // Compiling the default language starts now, so it runs while the update travels to the
    // page; whoever renders awaits it (and sees a failure), so an early rejection is not an
    // unhandled one. A translation compiles when first rendered.
    const compiled = new Map<string, Promise<CompiledEmail | undefined>>();
    if (!isBroken(message)) void this.#compiled(compiled, message);
    return {
      message,
      dependencies: dependenciesOf(message),
      compiled,
      renders: new Map(),
      validated: previous?.validated ?? [],
      current: false,
      counts: previous?.counts ?? countDiagnostics(message.diagnostics),
    };
  }

  /** The email of `message`, a language's view, compiled once per version of the message. */
  #compiled(compiled: Map<string, Promise<CompiledEmail | undefined>>, message: Message): Promise<CompiledEmail | undefined> {
    const language = defaultLanguageOf(message);
    let email = compiled.get(language);
    if (!email) {
      email = compileFor(message, { workspaceRoot: this.root, mjml: this.#mjml.run });
      email.catch(() => undefined);
      compiled.set(language, email);
    }
    return email;
  }

  /** `message` is a language's view of the entry's message (`inLanguage`). */
  #render(entry: Entry, message: Message, sample: Sample | undefined): Promise<SampleRender> {
    const key = `${defaultLanguageOf(message)}\0${sample?.name ?? ''}`;
    let render = entry.renders.get(key);
    if (!render) {
      render = this.#compiled(entry.compiled, message).then((compiled) => renderSample(message, compiled, sample, { engines: this.#engines }));
      entry.renders.set(key, render);
    }
    return render;
  }

  /**
   * A view's problems: the validation's, joined by this version's load and render problems so
   * a fresh syntax error shows before validation has run, and so a problem no check reports
   * is still listed; each counts once.
   */
  #diagnostics(entry: Entry, message: Message, render: SampleRender): Diagnostic[] {
    return uniqueDiagnostics([...entry.validated, ...this.#problems.configure([...message.diagnostics, ...render.diagnostics])]);
  }

  #summary(entry: Entry): MessageSummary {
    const { message } = entry;
    if (isBroken(message)) return { id: message.id, name: message.id, channels: [], samples: [], counts: entry.counts, broken: true };
    return {
      id: message.id,
      name: message.definition.name,
      channels: channelsOf(message),
      samples: message.samples.map((sample) => sample.name),
      counts: entry.counts,
      broken: false,
    };
  }
}
