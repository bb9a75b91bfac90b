import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mjml2html from 'mjml';
import { hasEmail } from '../src/pipeline/render-email.js';
import { createEngines } from '../src/render/index.js';
import { validate } from '../src/validate/validate.js';
import { loadConfig, loadWorkspace } from '../src/workspace/index.js';
import { repoRoot } from './example-workspace.js';
import { timeOnce } from './measure.js';

export const validateTarget = 1.3;

export interface ValidateRow {
  messages: number;
  /** loadConfig + loadWorkspace + validate, one run from cold caches. */
  validateMs: number;
  perMessageMs: number;
  diagnostics: number;
  /** mjml2html of every MJML email of the same workspace, one after the other. */
  rawMjmlMs: number;
  mjmlEmails: number;
  /** validateMs / rawMjmlMs. */
  ratio: number;
}

/** Template comments that make each copy's text unique, so no cache serves one copy from another. */
const uniqueMark: Record<string, (mark: string) => string> = {
  '.mjml': (mark) => `<!-- ${mark} -->\n`,
  '.html': (mark) => `<!-- ${mark} -->\n`,
  '.txt': (mark) => `{% comment %}${mark}{% endcomment %}`,
};

/**
 * A workspace of `count` messages: copies of the examples in turn, each with its own id, its
 * own platform keys and template text of its own.
 */
async function generateWorkspace(count: number, salt: string): Promise<string> {
  const project = await mkdtemp(path.join(os.tmpdir(), `txkit-bench-${count}-`));
  const examples = path.join(repoRoot, 'templates');
  const workspace = path.join(project, 'templates');
  await cp(path.join(examples, '_partials'), path.join(workspace, '_partials'), { recursive: true });
  const ids = (await readdir(examples, { withFileTypes: true })).filter((entry) => entry.isDirectory() && !entry.name.startsWith('_')).map((entry) => entry.name).sort();
  for (let index = 0; index < count; index++) {
    const id = ids[index % ids.length]!;
    const dir = path.join(workspace, `${id}-${index}`);
    await cp(path.join(examples, id), dir, { recursive: true });
    for (const name of await readdir(dir)) {
      const file = path.join(dir, name);
      const mark = uniqueMark[path.extname(name)];
      if (mark) await writeFile(file, mark(`copy ${salt}-${index}`) + (await readFile(file, 'utf8')));
    }
    const yamlFile = path.join(dir, 'message.yaml');
    const yaml = (await readFile(yamlFile, 'utf8'))
      .replace(/(definitionKey|customerKey): (\S+)/g, (_match, key: string, value: string) => `${key}: ${value.slice(0, 28)}-${index}`)
      .replace(/transactionalMessageId: (\d+)/g, (_match, value: string) => `transactionalMessageId: ${Number(value) * 100_000 + index}`);
    await writeFile(yamlFile, yaml);
  }
  return project;
}

async function validateProject(project: string): Promise<number> {
  const { config, diagnostics: configDiagnostics } = await loadConfig(project);
  const workspace = await loadWorkspace(config);
  return (await validate({ config, configDiagnostics, workspace, engines: createEngines() })).length;
}

async function rawMjml(project: string): Promise<{ ms: number; emails: number }> {
  const { config } = await loadConfig(project);
  const workspace = await loadWorkspace(config);
  const bodies = workspace.messages.flatMap((message) => (hasEmail(message) && message.email.bodyKind === 'mjml' ? [message.email.body] : []));
  const { ms } = await timeOnce(async () => {
    for (const body of bodies) await mjml2html(body.text, { filePath: body.file, validationLevel: 'soft' });
  });
  return { ms, emails: bodies.length };
}

/** Validate of generated workspaces of growing size, and raw MJML compile of the same emails. */
export async function runValidateBench(sizes: readonly number[] = [10, 100, 1000]): Promise<ValidateRow[]> {
  // Warm the JIT on a small workspace of its own, so the first size is not charged for it.
  const warmup = await generateWorkspace(8, 'warmup');
  await validateProject(warmup);
  await rawMjml(warmup);
  await rm(warmup, { recursive: true, force: true });

  const rows: ValidateRow[] = [];
  for (const size of sizes) {
    const project = await generateWorkspace(size, `run${size}`);
    try {
      const { ms, result: diagnostics } = await timeOnce(() => validateProject(project));
      const raw = await rawMjml(project);
      rows.push({ messages: size, validateMs: ms, perMessageMs: ms / size, diagnostics, rawMjmlMs: raw.ms, mjmlEmails: raw.emails, ratio: ms / raw.ms });
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  }
  return rows;
}
