import { existsSync } from 'node:fs';
import path from 'node:path';
import { pickSample } from '../cli/commands/render.js';
import { createEngines, type Engines } from '../render/index.js';
import {
  isBroken,
  listMessageDirs,
  loadMessage,
  messageFileName,
  WorkspaceNotFoundError,
  type BrokenMessage,
  type Message,
  type ResolvedConfig,
} from '../workspace/index.js';
import { affectedMessageDirs, type MessageDependencies } from './affected-messages.js';
import type { MessageSummary, MessageView, WorkspaceSnapshot, WorkspaceUpdate } from './api-types.js';
import { brokenMessageView, channelsOf, countDiagnostics, renderMessageView, uniqueDiagnostics } from './message-view.js';

/** Views are keyed by sample name; a message without samples has one view under this key. */
const noSample = '';

interface Entry {
  message: Message | BrokenMessage;
  views: Map<string, MessageView>;
  summary: MessageSummary;
  dependencies: MessageDependencies;
}

function dependenciesOf(message: Message | BrokenMessage): MessageDependencies {
  if (isBroken(message)) return { dir: message.dir, files: new Set([message.file]), includesPartials: false };
  const files = [message.file, message.email?.body.file, message.email?.text?.file, message.sms?.body.file, ...message.samples.map((sample) => sample.file)];
  return {
    dir: message.dir,
    files: new Set(files.filter((file): file is string => file !== undefined)),
    includesPartials: message.email?.bodyKind === 'mjml',
  };
}

/**
 * The preview's state: every message of the workspace, loaded and rendered with each of its
 * samples. A file change reloads and re-renders only the messages it concerns; everything
 * else is served from what was rendered before.
 */
export class PreviewWorkspace {
  readonly root: string;
  readonly #config: ResolvedConfig;
  readonly #engines: Engines;
  readonly #entries = new Map<string, Entry>();
  #revision = 0;

  private constructor(config: ResolvedConfig, engines: Engines) {
    this.root = config.workspace;
    this.#config = config;
    this.#engines = engines;
  }

  /** Loads and renders the whole workspace; throws WorkspaceNotFoundError when the folder is missing. */
  static async open(config: ResolvedConfig, engines: Engines = createEngines()): Promise<PreviewWorkspace> {
    if (!existsSync(config.workspace)) throw new WorkspaceNotFoundError(config.workspace);
    const workspace = new PreviewWorkspace(config, engines);
    const dirs = await listMessageDirs(config.workspace);
    const messages = await Promise.all(dirs.map((dir) => loadMessage(dir, config)));
    for (const message of messages) workspace.#entries.set(message.id, await workspace.#render(message));
    return workspace;
  }

  get revision(): number {
    return this.#revision;
  }

  snapshot(): WorkspaceSnapshot {
    const messages = [...this.#entries.values()].map((entry) => entry.summary).sort((a, b) => a.id.localeCompare(b.id));
    return { root: this.root, revision: this.#revision, messages };
  }

  /** The message rendered with `sample` (default: "standard", else "default", else the first); undefined for an unknown message or sample. */
  view(id: string, sample?: string): MessageView | undefined {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    if (isBroken(entry.message)) return entry.views.get(noSample);
    if (sample === undefined || sample === '') return entry.views.get(pickSample(entry.message, undefined)?.name ?? noSample);
    return entry.views.get(sample);
  }

  /** The folder of a known message (loadable or not). */
  messageDir(id: string): string | undefined {
    return this.#entries.get(id)?.message.dir;
  }

  /**
   * Reloads the messages that the changed files concern. Returns what changed for the UI,
   * or undefined when the files concern no message.
   */
  async apply(changedFiles: readonly string[]): Promise<WorkspaceUpdate | undefined> {
    const known = [...this.#entries.values()].map((entry) => entry.dependencies);
    const dirs = affectedMessageDirs(this.root, changedFiles, known);
    const changed: string[] = [];
    const removed: string[] = [];
    const revision = this.#revision + 1;
    for (const dir of dirs) {
      const id = path.basename(dir);
      if (this.#isMessageDir(dir)) {
        this.#entries.set(id, await this.#render(await loadMessage(dir, this.#config), revision));
        changed.push(id);
      } else if (this.#entries.delete(id)) {
        removed.push(id);
      }
    }
    if (changed.length === 0 && removed.length === 0) return undefined;
    this.#revision = revision;
    return { ...this.snapshot(), changed: changed.sort(), removed: removed.sort() };
  }

  /** The same test listMessageDirs applies: a direct sub-folder, not `_` or `.`, with a message.yaml. */
  #isMessageDir(dir: string): boolean {
    const name = path.basename(dir);
    return path.dirname(dir) === this.root && !name.startsWith('_') && !name.startsWith('.') && existsSync(path.join(dir, messageFileName));
  }

  async #render(message: Message | BrokenMessage, revision = this.#revision): Promise<Entry> {
    const dependencies = dependenciesOf(message);
    if (isBroken(message)) {
      const view = brokenMessageView(message, { root: this.root, revision });
      const summary: MessageSummary = { id: message.id, name: message.id, channels: [], samples: [], counts: countDiagnostics(message.diagnostics), broken: true };
      return { message, views: new Map([[noSample, view]]), summary, dependencies };
    }
    const context = { engines: this.#engines, root: this.root, revision };
    const samples = message.samples.length > 0 ? message.samples : [undefined];
    const views = new Map<string, MessageView>();
    for (const sample of samples) views.set(sample?.name ?? noSample, await renderMessageView(message, sample, context));
    const summary: MessageSummary = {
      id: message.id,
      name: message.definition.name,
      channels: channelsOf(message),
      samples: message.samples.map((sample) => sample.name),
      counts: countDiagnostics(uniqueDiagnostics([...views.values()].flatMap((view) => view.diagnostics))),
      broken: false,
    };
    return { message, views, summary, dependencies };
  }
}
