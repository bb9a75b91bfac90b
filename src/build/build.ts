import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { checkCompiledEmail } from '../email/check-email-message.js';
import { MjmlCache, type MjmlCacheStats } from '../email/mjml-cache.js';
import { compileMessageEmail, hasEmail, personalizeEmail } from '../email/render-email.js';
import { UsageError } from '../errors/usage-error.js';
import { createEngines, type Engines } from '../render/index.js';
import { renderSms } from '../sms/render-sms.js';
import { isBroken, resolveInside, type BrokenMessage, type Message, type ResolvedConfig } from '../workspace/index.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** A file to write, `path` relative to the output folder with `/` separators. */
export interface Artifact {
  path: string;
  content: string;
}

export interface MessageBuild {
  message: string;
  artifacts: Artifact[];
  diagnostics: Diagnostic[];
}

export interface ManifestFile {
  path: string;
  sha256: string;
  bytes: number;
}

export interface Manifest {
  txkit: string;
  messages: { message: string; files: ManifestFile[] }[];
}

export const manifestName = 'manifest.json';

/**
 * What `build` writes for one message, under `<id>/`: the publishable templates (compiled HTML
 * with tags intact, the explicit text template, subject, preheader, SMS body) and, under
 * `samples/`, each sample rendered as the preview shows it. Everything that rendered is kept,
 * problems or not; the diagnostics say what is wrong.
 */
async function buildMessage(message: Message, engines: Engines, cache: MjmlCache): Promise<MessageBuild> {
  const artifacts: Artifact[] = [];
  const diagnostics: Diagnostic[] = [];
  const add = (name: string, content: string) => artifacts.push({ path: `${message.id}/${name}`, content });
  if (hasEmail(message)) {
    const { email } = message;
    const compiled = await compileMessageEmail(message, { cache });
    diagnostics.push(...checkCompiledEmail(message, compiled, { engines }));
    if (compiled.html) add('email.html', compiled.html);
    if (email.text) add('email.txt', email.text.text);
    add('subject.txt', email.subject.text);
    if (email.preheader) add('preheader.txt', email.preheader.text);
    for (const sample of message.samples) {
      const rendered = personalizeEmail(message, compiled, sample, { engines });
      if (rendered.html) add(`samples/${sample.name}.html`, rendered.html);
      if (rendered.text) add(`samples/${sample.name}.txt`, rendered.text);
    }
  }
  if (message.sms) {
    add('sms.txt', message.sms.body.text);
    for (const sample of message.samples) {
      const rendered = renderSms(message, sample, { engines })!;
      diagnostics.push(...rendered.diagnostics);
      if (rendered.bodyRendered) add(`samples/${sample.name}.sms.txt`, rendered.text);
    }
  }
  return { message: message.id, artifacts, diagnostics };
}

/** `candidate` is `root` or inside it (symlinks resolved). */
function isWithin(root: string, candidate: string): boolean {
  return resolveInside(root, candidate, '.').problem === undefined;
}

/** Building into the workspace (or around it) could overwrite templates with their own output. */
function checkOutFolder(out: string, workspace: string): void {
  const advice = 'choose a folder of its own with --out (or "out" in txkit.config.yaml), such as ./build';
  if (isWithin(out, workspace)) throw new UsageError(`the output folder ${out} holds the workspace ${workspace}: ${advice}`);
  if (!isWithin(workspace, out)) return;
  const [folder = ''] = path.relative(workspace, out).split(path.sep);
  if (folder.startsWith('_') || existsSync(path.join(workspace, folder, 'message.yaml'))) {
    throw new UsageError(`the output folder ${out} is inside the message or partials folder ${path.join(workspace, folder)}: ${advice}`);
  }
}

async function readManifest(out: string): Promise<Manifest | undefined> {
  try {
    const value = JSON.parse(await readFile(path.join(out, manifestName), 'utf8')) as Partial<Manifest>;
    return Array.isArray(value.messages) ? (value as Manifest) : undefined;
  } catch {
    return undefined;
  }
}

/** The absolute path of an artifact, refusing anything that would land outside `out`. */
function outputPath(out: string, relative: string): string {
  const confined = resolveInside(out, out, relative);
  if (confined.problem !== undefined) throw new UsageError(`refusing to write ${relative}: ${confined.problem}`);
  return confined.path;
}

function sha256(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Writes the artifacts and the manifest. Files an earlier build listed for these messages but
 * this one no longer produces (a deleted sample) are removed; nothing else in `out` is touched.
 * Messages not rebuilt this time keep their manifest entries.
 */
async function writeBuild(out: string, builds: readonly MessageBuild[], rebuiltAll: boolean): Promise<Manifest> {
  const previous = await readManifest(out);
  const rebuilt = new Set(builds.map((build) => build.message));
  const kept = (previous?.messages ?? []).filter((entry) => !rebuiltAll && !rebuilt.has(entry.message));
  const written = new Set(builds.flatMap((build) => build.artifacts.map((artifact) => artifact.path)));
  const stale = (previous?.messages ?? []).filter((entry) => !kept.includes(entry)).flatMap((entry) => entry.files.map((file) => file.path));
  for (const file of stale) {
    if (!written.has(file)) await rm(outputPath(out, file), { force: true });
  }
  const entries: Manifest['messages'] = [];
  for (const build of builds) {
    const files: ManifestFile[] = [];
    for (const artifact of build.artifacts) {
      const target = outputPath(out, artifact.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, artifact.content);
      files.push({ path: artifact.path, sha256: sha256(artifact.content), bytes: Buffer.byteLength(artifact.content, 'utf8') });
    }
    entries.push({ message: build.message, files: files.sort((a, b) => a.path.localeCompare(b.path)) });
  }
  const manifest: Manifest = { txkit: version, messages: [...kept, ...entries].sort((a, b) => a.message.localeCompare(b.message)) };
  await writeFile(outputPath(out, manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export interface BuildOptions {
  config: ResolvedConfig;
  /** What to build, from a loaded workspace; broken messages are skipped (their load problems are the workspace's). */
  messages: readonly (Message | BrokenMessage)[];
  /** Absolute output folder; `config.out` by default. */
  out?: string;
  /** Only some of the workspace's messages: the manifest keeps the other messages' entries. */
  partial?: boolean;
}

export interface BuildResult {
  out: string;
  builds: MessageBuild[];
  manifest: Manifest;
  cache: MjmlCacheStats;
  /** The build's own problems (render and email checks); load problems stay with the workspace. */
  diagnostics: Diagnostic[];
}

/**
 * Writes each message's publishable templates and rendered samples, plus manifest.json, to the
 * output folder. Throws a UsageError when the output folder would overwrite the workspace.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const { config } = options;
  const out = options.out ?? config.out;
  checkOutFolder(out, config.workspace);
  const engines = createEngines(undefined, config);
  // On disk inside the output folder, so a second build (another process) skips mjml too.
  const cache = new MjmlCache({ dir: path.join(out, '.cache', 'mjml') });
  const builds: MessageBuild[] = [];
  for (const message of options.messages) {
    if (!isBroken(message)) builds.push(await buildMessage(message, engines, cache));
  }
  const manifest = await writeBuild(out, builds, !options.partial);
  return { out, builds, manifest, cache: cache.stats, diagnostics: builds.flatMap((built) => built.diagnostics) };
}
