/**
 * What email/compat (and the image/link rules of its provider) add to `txkit validate`:
 * validate with every provider vs. without the compat provider, on the example workspace and
 * on 100 generated messages, each run on freshly salted copies (cold MJML cache) and the two
 * variants interleaved so machine load hits both alike. Run: npx tsx bench/compat.ts
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compatProvider } from '../src/validate/providers/compat-provider.js';
import { createEngines } from '../src/render/index.js';
import { providers } from '../src/validate/registry.js';
import { validate } from '../src/validate/validate.js';
import { loadConfig, loadWorkspace } from '../src/workspace/index.js';
import { repoRoot } from './example-workspace.js';

const rounds = 5;

/** `count` messages copied from templates/ in turn (count 0: the examples as they are), every email body salted so no cache serves it. */
async function saltedWorkspace(count: number, salt: string): Promise<string> {
  const project = await mkdtemp(path.join(os.tmpdir(), 'txkit-compat-bench-'));
  const examples = path.join(repoRoot, 'templates');
  await cp(path.join(examples, '_partials'), path.join(project, 'templates', '_partials'), { recursive: true });
  const ids = (await readdir(examples, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .map((entry) => entry.name);
  const copies =
    count === 0 ? ids.map((id) => [id, id]) : Array.from({ length: count }, (_, index) => [ids[index % ids.length]!, `${ids[index % ids.length]}-${index}`]);
  for (const [id, copy] of copies) {
    const dir = path.join(project, 'templates', copy!);
    await cp(path.join(examples, id!), dir, { recursive: true });
    for (const name of ['email.mjml', 'email.html']) {
      const file = path.join(dir, name);
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (text !== undefined) await writeFile(file, `<!-- ${salt} ${copy} -->\n${text}`);
    }
  }
  return project;
}

async function timeValidate(project: string, withCompat: boolean): Promise<number> {
  const started = performance.now();
  const { config, diagnostics } = await loadConfig(project);
  const workspace = await loadWorkspace(config);
  await validate({
    config,
    configDiagnostics: diagnostics,
    workspace,
    engines: createEngines(),
    providers: withCompat ? providers : providers.filter((provider) => provider !== compatProvider),
  });
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(label: string, count: number): Promise<void> {
  const base: number[] = [];
  const full: number[] = [];
  await timeValidate(await saltedWorkspace(count, 'warmup-a'), true); // JIT, mjml and the caniemail data loaded once
  for (let round = 0; round < rounds; round++) {
    for (const withCompat of round % 2 === 0 ? [false, true] : [true, false]) {
      const project = await saltedWorkspace(count, `${label}-${round}-${withCompat}`);
      (withCompat ? full : base).push(await timeValidate(project, withCompat));
      await rm(project, { recursive: true, force: true });
    }
  }
  const added = median(full) - median(base);
  console.log(
    `${label}: validate ${median(base).toFixed(0)} ms without email/compat, ${median(full).toFixed(0)} ms with: +${added.toFixed(0)} ms (${((added / median(base)) * 100).toFixed(1)}%), median of ${rounds}`,
  );
}

await measure('example workspace', 0);
await measure('100 generated messages', 100);
