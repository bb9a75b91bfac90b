import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { MjmlCache } from '../../src/email/mjml-cache.js';
import { renderEmail } from '../../src/pipeline/render-email.js';
import { renderSms } from '../../src/pipeline/render-sms.js';
import { createEngines, type Engines } from '../../src/render/index.js';
import { validate } from '../../src/validate/validate.js';
import { loadConfig, loadWorkspace, type Sample } from '../../src/workspace/index.js';

const examples = fileURLToPath(new URL('../../templates', import.meta.url));

/**
 * Generous bound on one input's load + render + validate: the render limits stop hostile templates in
 * ~0.5 s, so an input running this long means a limit is missing (a hang), not a slow machine.
 */
const hangBoundMs = 15_000;

/** A file of the example workspace replaced by hostile bytes. */
export interface FileEdit {
  /** Path relative to the workspace folder, e.g. `order-confirmation/samples/standard.json`. */
  file: string;
  bytes: Uint8Array | string;
}

export interface HostileInput {
  description: string;
  edits: FileEdit[];
}

export interface PipelineOutcome {
  diagnostics: Diagnostic[];
  /** Templates rendered to output (email + SMS per sample). */
  renders: number;
}

async function listTree(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.map((entry) => `${path.relative(root, path.join(entry.parentPath, entry.name))}${entry.isDirectory() ? '/' : ''}`).sort();
}

function diagnosticKey(diagnostic: Diagnostic): string {
  return [diagnostic.ruleId, diagnostic.file, diagnostic.line, diagnostic.column, diagnostic.message].join('\0');
}

const watchedPrototypes = { Object: Object.prototype, Array: Array.prototype, String: String.prototype, Function: Function.prototype };

function prototypeKeys(): Record<string, string[]> {
  return Object.fromEntries(Object.entries(watchedPrototypes).map(([name, prototype]) => [name, Reflect.ownKeys(prototype).map(String).sort()]));
}

/** Diagnostics must be usable by every front end: a rule id, a severity, a message and a real position (`lineCounts`: lines per file). */
function malformedDiagnostic(diagnostic: Diagnostic, lineCounts: Map<string, number>): string | undefined {
  if (typeof diagnostic.ruleId !== 'string' || !/^[a-z][a-z0-9-]*(\/[a-z0-9-]+)+$/.test(diagnostic.ruleId)) return 'rule id';
  if (!['error', 'warning', 'info'].includes(diagnostic.severity)) return 'severity';
  if (typeof diagnostic.message !== 'string' || diagnostic.message.trim() === '') return 'message';
  if (typeof diagnostic.file !== 'string' || !path.isAbsolute(diagnostic.file)) return 'file';
  if (!Number.isInteger(diagnostic.line) || diagnostic.line < 1 || !Number.isInteger(diagnostic.column) || diagnostic.column < 1) return 'line/column';
  const lines = lineCounts.get(diagnostic.file);
  if (lines !== undefined && diagnostic.line > lines) return `line ${diagnostic.line} past the end of the file`;
  if (diagnostic.endLine !== undefined && diagnostic.endLine < diagnostic.line) return 'endLine';
  return undefined;
}

/**
 * A private copy of templates/ in a temp dir, fed one hostile input at a time through
 * load → render (email and SMS for every sample, SMS analysis included) → validate, checking after each that nothing threw, hung, polluted a
 * prototype or wrote a file, and that every problem came out as a well-formed diagnostic.
 */
export class HostileWorkspace {
  inputs = 0;
  /** Inputs that produced a diagnostic the unmodified workspace does not have. */
  withDiagnostics = 0;
  /** Diagnostics of the unmodified examples (one SMS sample is UCS-2 on purpose). */
  private baseline = new Set<string>();
  readonly engines: Engines = createEngines();
  /** Private, so hostile 10 MB bodies do not crowd the process-wide cache. */
  readonly mjmlCache = new MjmlCache();

  private constructor(
    readonly projectDir: string,
    readonly workspaceDir: string,
    /** Every file of the example workspace, relative to workspaceDir. */
    readonly files: readonly string[],
  ) {}

  static async create(): Promise<HostileWorkspace> {
    const projectDir = await mkdtemp(path.join(os.tmpdir(), 'txkit-hostile-'));
    const workspaceDir = path.join(projectDir, 'templates');
    await cp(examples, workspaceDir, { recursive: true });
    const files = (await listTree(workspaceDir)).filter((file) => !file.endsWith('/'));
    const workspace = new HostileWorkspace(projectDir, workspaceDir, files);
    workspace.baseline = new Set((await workspace.pipeline()).diagnostics.map(diagnosticKey));
    return workspace;
  }

  async dispose(): Promise<void> {
    await rm(this.projectDir, { recursive: true, force: true });
  }

  original(file: string): Promise<Buffer> {
    return readFile(path.join(this.workspaceDir, file));
  }

  /** Loads, renders and validates the given messages (all by default). */
  private async pipeline(messageIds?: readonly string[]): Promise<PipelineOutcome> {
    const { config, diagnostics } = await loadConfig(this.projectDir);
    const workspace = await loadWorkspace(config, messageIds);
    const all = [...diagnostics, ...workspace.broken.flatMap((message) => message.diagnostics)];
    let renders = 0;
    for (const message of workspace.messages) {
      all.push(...message.diagnostics);
      const samples: (Sample | undefined)[] = message.samples.length > 0 ? message.samples : [undefined];
      for (const sample of samples) {
        const email = await renderEmail(message, sample, { engines: this.engines, cache: this.mjmlCache });
        const sms = renderSms(message, sample, { engines: this.engines }); // includes analyzeSms
        for (const rendered of [email, sms]) {
          if (!rendered) continue;
          renders++;
          all.push(...rendered.diagnostics);
        }
      }
    }
    all.push(...(await validate({ config, configDiagnostics: diagnostics, workspace, engines: this.engines })));
    return { diagnostics: all, renders };
  }

  /** Runs one input and restores the original files; throws a replayable report when an invariant breaks. */
  async run(input: HostileInput, replay: string): Promise<PipelineOutcome> {
    const files = input.edits.map((edit) => edit.file);
    const targets = files.map((file) => path.join(this.workspaceDir, file));
    const originals = await Promise.all(targets.map((target) => readFile(target)));
    const treeBefore = await listTree(this.projectDir);
    const prototypesBefore = prototypeKeys();
    const fail = (problem: string): never => {
      throw new Error(`${problem}\n  input: ${files.join(' + ')}: ${input.description}\n  replay: ${replay}`);
    };
    this.inputs++;
    await Promise.all(input.edits.map((edit, index) => writeFile(targets[index]!, edit.bytes)));
    const started = performance.now();
    let outcome: PipelineOutcome;
    try {
      // The messages the changed files can affect: a partial affects every message.
      const messageIds = files.map((file) => file.split('/')[0]!);
      outcome = await this.pipeline(messageIds.some((id) => id.startsWith('_')) ? undefined : messageIds);
    } catch (error) {
      return fail(`uncaught exception: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      await Promise.all(originals.map((original, index) => writeFile(targets[index]!, original)));
    }
    const elapsed = performance.now() - started;
    if (elapsed > hangBoundMs) fail(`no render limit stopped this input: it ran ${Math.round(elapsed)} ms`);
    if (({} as Record<string, unknown>).polluted !== undefined) fail('Object.prototype was polluted (({}).polluted is set)');
    const prototypesAfter = prototypeKeys();
    for (const name of Object.keys(watchedPrototypes)) {
      if (prototypesAfter[name]!.join() !== prototypesBefore[name]!.join()) fail(`${name}.prototype gained or lost keys`);
    }
    const treeAfter = await listTree(this.projectDir);
    if (treeAfter.join('\n') !== treeBefore.join('\n')) fail(`files appeared or vanished: ${treeAfter.filter((entry) => !treeBefore.includes(entry)).join(', ')}`);
    if (outcome.diagnostics.length === 0 && outcome.renders === 0) fail('neither a result nor a diagnostic');
    const lineCount = (text: string) => text.split('\n').length;
    const lineCounts = new Map(input.edits.map((edit, index) => [targets[index]!, lineCount(Buffer.from(edit.bytes).toString('utf8'))]));
    for (const diagnostic of outcome.diagnostics) {
      if (!lineCounts.has(diagnostic.file)) {
        const text = await readFile(diagnostic.file, 'utf8').catch(() => undefined);
        if (text !== undefined) lineCounts.set(diagnostic.file, lineCount(text));
      }
      const problem = malformedDiagnostic(diagnostic, lineCounts);
      if (problem) fail(`malformed diagnostic (${problem}): ${JSON.stringify(diagnostic).slice(0, 500)}`);
    }
    if (outcome.diagnostics.some((diagnostic) => !this.baseline.has(diagnosticKey(diagnostic)))) this.withDiagnostics++;
    return outcome;
  }

  /** `random mutations: 160 inputs ran, 63% produced diagnostics, …` */
  summary(label: string): string {
    const share = this.inputs === 0 ? 0 : Math.round((100 * this.withDiagnostics) / this.inputs);
    return `hostile ${label}: ${this.inputs} inputs ran, ${share}% produced new diagnostics (beyond the unmodified examples'), none threw, hung, polluted a prototype or wrote a file`;
  }
}
