import { execFileSync } from 'node:child_process';
import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './example-workspace.js';
import { ratioSpread, type Spread } from './measure.js';
import { measureProcesses, txkitBin, type ProcessResult } from './process-runs.js';

/** Targets of issue 16, against raw mjml2html of the same emails in the same run. */
export const validateTargets = { coldRatio: 1.3, warmRatio: 0.3, rssRatio: 1.5, stagedMs: 500 };

export interface ValidateRow {
  messages: number;
  /** `txkit validate` with .txkit-cache removed first. */
  cold: ProcessResult;
  /** `txkit validate` again, nothing changed. */
  warm: ProcessResult;
  /** `node bench/raw-mjml.mjs`: mjml2html of every email.mjml of the same workspace. */
  raw: ProcessResult;
  /** CPU time ratios, run by run (wall ratios: divide the wallMs spreads). */
  coldRatio: Spread;
  warmRatio: Spread;
  coldWallRatio: Spread;
  rssRatio: Spread;
}

export interface StagedRow {
  messages: number;
  /** `txkit validate --staged` with one message's template staged. */
  staged: ProcessResult;
}

/** Template comments that make each copy's text unique, so no cache serves one copy from another. */
const uniqueMark: Record<string, (mark: string) => string> = {
  '.mjml': (mark) => `<!-- ${mark} -->\n`,
  '.html': (mark) => `<!-- ${mark} -->\n`,
  '.txt': (mark) => `{% comment %}${mark}{% endcomment %}`,
};

/**
 * A project of `count` messages in templates/: copies of the examples in turn, each with its own
 * id, its own platform keys and template text of its own.
 */
export async function generateProject(count: number, salt: string): Promise<string> {
  const project = await mkdtemp(path.join(os.tmpdir(), `txkit-bench-${count}-`));
  const examples = path.join(repoRoot, 'templates');
  const workspace = path.join(project, 'templates');
  await cp(path.join(examples, '_partials'), path.join(workspace, '_partials'), { recursive: true });
  const ids = (await readdir(examples, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .map((entry) => entry.name)
    .sort();
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

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'ignore' });

/** The project committed, then one message's MJML edited and staged. */
async function stageOneMessage(project: string): Promise<void> {
  git(project, 'init', '-q');
  git(project, 'add', '-A');
  git(project, 'commit', '-q', '-m', 'bench');
  const dirs = (await readdir(path.join(project, 'templates'))).filter((name) => name.startsWith('order-confirmation-'));
  const email = path.join(project, 'templates', dirs[0]!, 'email.mjml');
  await appendFile(email, '<!-- staged edit -->\n');
  git(project, 'add', email);
}

async function measureSize(size: number, runs: number): Promise<{ row: ValidateRow; project: string }> {
  const project = await generateProject(size, `run${size}`);
  const cache = path.join(project, '.txkit-cache');
  const [cold, warm, raw] = await measureProcesses(
    [
      { name: `txkit validate, ${size} messages, cold`, args: [txkitBin, 'validate'], cwd: project, before: () => rm(cache, { recursive: true, force: true }) },
      { name: `txkit validate, ${size} messages, second run`, args: [txkitBin, 'validate'], cwd: project },
      { name: `mjml2html of the same emails`, args: [path.join(repoRoot, 'bench', 'raw-mjml.mjs'), path.join(project, 'templates')], cwd: project },
    ],
    runs,
  );
  return {
    project,
    row: {
      messages: size,
      cold: cold!,
      warm: warm!,
      raw: raw!,
      coldRatio: ratioSpread(cold!.cpuMs, raw!.cpuMs),
      warmRatio: ratioSpread(warm!.cpuMs, raw!.cpuMs),
      coldWallRatio: ratioSpread(cold!.wallMs, raw!.wallMs),
      rssRatio: ratioSpread(cold!.peakRssMiB, raw!.peakRssMiB),
    },
  };
}

/**
 * `txkit validate` of generated projects of growing size (whole processes: startup, load, every
 * rule), cold and again with nothing changed, against raw mjml2html of the same emails; then
 * `validate --staged` with one message staged in the largest project.
 */
export async function runValidateBench(sizes: readonly number[], runs: number): Promise<{ rows: ValidateRow[]; staged: StagedRow }> {
  const rows: ValidateRow[] = [];
  let largest: string | undefined;
  try {
    for (const size of sizes) {
      const { row, project } = await measureSize(size, runs);
      rows.push(row);
      if (largest) await rm(largest, { recursive: true, force: true });
      largest = project;
    }
    await stageOneMessage(largest!);
    const [staged] = await measureProcesses(
      [{ name: `txkit validate --staged, 1 of ${sizes.at(-1)} messages staged`, args: [txkitBin, 'validate', '--staged'], cwd: largest! }],
      runs,
    );
    return { rows, staged: { messages: sizes.at(-1)!, staged: staged! } };
  } finally {
    if (largest) await rm(largest, { recursive: true, force: true });
  }
}
